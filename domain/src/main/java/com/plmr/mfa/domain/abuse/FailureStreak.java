package com.plmr.mfa.domain.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's verify failures in a row, across all challenges and methods, and until when further
 * verifies are refused. A success ends the streak ({@link #none()}).
 *
 * @param failures    consecutive failures since the last success
 * @param lockedUntil verifies are refused before this instant; {@code null} when not locked
 */
public record FailureStreak(int failures, Instant lockedUntil) {

    public FailureStreak {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
    }

    public static FailureStreak none() {
        return new FailureStreak(0, null);
    }

    /** How long to wait before the next verify may be tried, when it must be refused now. */
    public Optional<Duration> refusal(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil)
                ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    /** The streak after one more failure at {@code now}. */
    public FailureStreak failed(AbusePolicy policy, Instant now) {
        int next = failures == Integer.MAX_VALUE ? failures : failures + 1;
        Duration lock = policy.lockFor(next);
        return new FailureStreak(next, lock.isZero() ? null : now.plus(lock));
    }
}
