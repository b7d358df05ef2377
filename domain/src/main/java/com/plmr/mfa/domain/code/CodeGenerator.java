package com.plmr.mfa.domain.code;

import com.plmr.mfa.domain.delivery.OtpCode;

import java.util.random.RandomGenerator;

/**
 * Draws delivered one-time codes: uniformly random decimal strings of a given length. The random
 * source is an input; in service it is a {@code SecureRandom}, so codes are unpredictable
 * (NIST SP 800-63B §5.1.3.1 requires an approved random bit generator).
 */
public final class CodeGenerator {

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000, 1_000_000_000};
    private final RandomGenerator random;

    public CodeGenerator(RandomGenerator random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    /** A code of {@code digits} (6 to 9) decimal digits, leading zeros kept. */
    public OtpCode generate(int digits) {
        if (digits < 6 || digits > 9) {
            throw new IllegalArgumentException("codes have 6 to 9 digits");
        }
        String value = Integer.toString(random.nextInt(POWERS[digits]));
        return new OtpCode("0".repeat(digits - value.length()) + value);
    }
}
