package com.plmr.mfa.domain.factor;

import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Identifies one authenticator-app registration. Fresh ids carry 128 random bits (base64url,
 * 22 characters), so they cannot be guessed or enumerated; the id is also part of the associated
 * data that binds the sealed secret to its row.
 */
public record TotpRegistrationId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int RANDOM_BYTES = 16;

    public TotpRegistrationId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a TOTP registration id is 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
    }

    public static TotpRegistrationId random(RandomGenerator random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new TotpRegistrationId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
