package com.plmr.mfa.domain.challenge;

import java.time.Instant;
import java.util.Objects;

/**
 * The one code of a challenge that currently works: its method, its keyed hash (never the code
 * itself, see {@link com.plmr.mfa.domain.code.CodeHasher}) and when it stops working. Issuing a
 * new code replaces this one, so at most one code per challenge is ever valid (OWASP MFA).
 */
public record IssuedCode(ChallengeMethod method, byte[] hash, Instant issuedAt, Instant expiresAt) {

    public IssuedCode {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!method.isDelivered()) {
            throw new IllegalArgumentException("only delivered methods issue codes");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssuedCode that && method == that.method
                && java.util.Arrays.equals(hash, that.hash)
                && issuedAt.equals(that.issuedAt) && expiresAt.equals(that.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, java.util.Arrays.hashCode(hash), issuedAt, expiresAt);
    }

    @Override
    public String toString() {
        return "IssuedCode[" + method + ", expiresAt=" + expiresAt + "]";
    }
}
