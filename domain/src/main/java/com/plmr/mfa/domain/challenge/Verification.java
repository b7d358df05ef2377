package com.plmr.mfa.domain.challenge;

import java.time.Instant;
import java.util.Objects;

/**
 * How a challenge was verified: by which method, when, and when the consumer consumed it
 * ({@code null} until then). A challenge is verified at most once and consumed at most once.
 */
public record Verification(ChallengeMethod method, Instant verifiedAt, Instant consumedAt) {

    public Verification {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    static Verification by(ChallengeMethod method, Instant now) {
        return new Verification(method, now, null);
    }

    Verification consumed(Instant now) {
        return new Verification(method, verifiedAt, now);
    }
}
