package com.plmr.mfa.domain.challenge;

/**
 * Where a challenge stands. Only {@link #PENDING} accepts initiates and verifies; only
 * {@link #VERIFIED} can be consumed; every other status is final.
 */
public enum ChallengeStatus {
    PENDING,
    VERIFIED,
    CONSUMED,
    EXPIRED,
    LOCKED,
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING && this != VERIFIED;
    }
}
