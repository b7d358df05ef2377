package com.plmr.mfa.adapter.out.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * Reads the senders' settings: each check names the configuration key at fault, so a sender's
 * constructor fails the start-up with a message an operator can act on.
 */
public final class SenderSettings {

    private SenderSettings() {
    }

    /** The value without surrounding blanks; a missing or blank value names the key. */
    public static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value.strip();
    }

    /** The value without surrounding blanks, or {@code null} when it is missing or blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A duration above zero; a missing, zero or negative one names the key. */
    public static Duration positive(Duration duration, String key) {
        Objects.requireNonNull(duration, key);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
        return duration;
    }
}
