package com.plmr.mfa.domain.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One counter a send draws on: {@code key} (a user or a destination pseudonym) in the fixed window
 * starting at {@code windowStart}, which allows {@code max} sends. Fixed windows let every
 * instance name the same counter row without coordination; their known weakness, a burst of up to
 * twice the limit across a window boundary, is bounded by the daily limit on top of the hourly one.
 */
public record SendQuota(String key, Instant windowStart, Duration window, int max) {

    public SendQuota {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(window, "window");
        if (key.isEmpty() || key.length() > 100) {
            throw new IllegalArgumentException("a quota key has 1 to 100 characters");
        }
    }

    static SendQuota of(String key, AbusePolicy.Limit limit, Instant now) {
        long seconds = limit.window().toSeconds();
        Instant start = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
        return new SendQuota(key, start, limit.window(), limit.max());
    }

    /** When this window ends and its counter no longer applies. */
    public Duration retryAfter(Instant now) {
        Duration left = Duration.between(now, windowStart.plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
