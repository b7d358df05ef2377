package com.plmr.mfa.domain.authenticator;

import java.util.Objects;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * HOTP, the HMAC-based one-time password of RFC 4226 §5: {@code Truncate(HMAC(K, C)) mod
 * 10^Digit}, written with leading zeros.
 *
 * <p>The counter is the 8-byte big-endian moving factor of §5.1; a negative {@code long} stands for
 * a counter of 2^63 or more. Codes have {@value #MIN_DIGITS} to {@value #MAX_DIGITS} digits: §5.3
 * requires at least 6 and the 31-bit truncated value cannot fill more than 9. As 2^31 is not a
 * multiple of 10^Digit, low codes are slightly more likely than high ones: by 4.8% at 8 digits,
 * by 50% at 9, where the best single guess still succeeds only with probability 3 / 2^31.
 *
 * <p>This is the single-code entry point. {@link Totp#verify} computes all the steps of its
 * window with one keyed HMAC instead of calling this once per step.
 */
public final class Hotp {

    /** The fewest digits a code may have (RFC 4226 §5.3). */
    public static final int MIN_DIGITS = 6;
    /** The most digits a code may have: 10^9 is the largest power of ten below 2^31. */
    public static final int MAX_DIGITS = 9;

    private Hotp() {
    }

    /**
     * The HOTP value for {@code counter}.
     *
     * @throws IllegalArgumentException if {@code digits} is outside
     *     {@value #MIN_DIGITS}..{@value #MAX_DIGITS}
     */
    public static String generate(
            TotpSecret secret, long counter, HmacAlgorithm algorithm, int digits) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(algorithm, "algorithm");
        return OtpMac.keyedWith(secret, algorithm).code(counter, requireDigits(digits));
    }

    static int requireDigits(int digits) {
        require(digits >= MIN_DIGITS && digits <= MAX_DIGITS, "digits", MIN_DIGITS + " to " + MAX_DIGITS);
        return digits;
    }
}
