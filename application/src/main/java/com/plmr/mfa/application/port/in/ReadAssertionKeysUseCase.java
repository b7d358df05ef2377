package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.assertion.AssertionKey;

import java.util.List;

/** Anyone may read the public keys that step-up assertions are verified with (a JWKS). */
public interface ReadAssertionKeysUseCase {

    /** The signing key first, then the keys kept for assertions signed before a rotation. */
    List<AssertionKey> publishedKeys();
}
