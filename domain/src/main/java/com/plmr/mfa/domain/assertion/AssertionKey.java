package com.plmr.mfa.domain.assertion;

import java.security.interfaces.ECPublicKey;
import java.util.Objects;

/**
 * A public key that step-up assertions are verified with: ECDSA on P-256 (ES256, RFC 7518 §3.4),
 * named by the {@code kid} of the assertions it verifies. Every configured key is published, the
 * one that signs and those kept so assertions signed before a rotation still verify.
 */
public record AssertionKey(String kid, ECPublicKey key) {

    public AssertionKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(key, "key");
        if (kid.isBlank()) {
            throw new IllegalArgumentException("a key has a kid");
        }
    }
}
