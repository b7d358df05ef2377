package com.plmr.mfa.domain.user;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a user of the consumer services. Opaque to this service; restricted to a safe
 * alphabet so it can travel in paths, logs and SQL parameters without escaping.
 */
public record UserId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public UserId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("user id must be 1 to 64 characters of A-Z a-z 0-9 . _ @ -");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
