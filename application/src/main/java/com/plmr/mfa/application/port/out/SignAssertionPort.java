package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.assertion.AssertionKey;
import com.plmr.mfa.domain.assertion.StepUpAssertion;

import java.util.List;

/**
 * Signs step-up assertions and names the keys they are verified with. The signing key is the
 * newest configured one; every configured key is published, so an assertion signed before a
 * rotation still verifies until it expires.
 */
public interface SignAssertionPort {

    /** The assertion as a compact JWS (RFC 7515 §7.1), signed ES256 with the {@code kid} of its key. */
    String sign(StepUpAssertion assertion);

    /** The public keys to publish, the signing key first. */
    List<AssertionKey> publishedKeys();
}
