package com.plmr.mfa.domain.challenge;

import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Identifies a challenge. New ids carry 128 random bits (base64url), so they cannot be guessed
 * or enumerated; the format check keeps anything else away from storage.
 */
public record ChallengeId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ChallengeId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("challenge id must be 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
    }

    public static ChallengeId random(RandomGenerator random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new ChallengeId("ch_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
