package com.plmr.mfa.domain.challenge;

import java.time.Duration;
import java.util.Objects;

/**
 * The security parameters of challenges. Defaults follow the anchors of the field: a code is
 * valid 5 minutes (NIST SP 800-63B §5.1.3.2 allows at most 10), a challenge 10 minutes, 5
 * verify attempts per challenge shared by all its methods (Twilio Verify, Kratos), a resend
 * cooldown of 30 s and at most 5 sends per challenge.
 *
 * @param challengeTtl   lifetime of a challenge from its creation
 * @param codeTtl        lifetime of one delivered code from its send
 * @param maxAttempts    verify attempts per challenge, across its methods
 * @param resendCooldown minimum time between two sends of one challenge
 * @param maxSends       sends per challenge, across its delivered methods
 * @param smsDigits      length of SMS codes (6 gives 19.9 bits; NIST asks for at least 20 bits
 *                       only of random secrets, and 6 digits with 5 attempts bound a guess to 5e-6)
 * @param emailDigits    length of e-mail codes
 */
public record ChallengePolicy(
        Duration challengeTtl,
        Duration codeTtl,
        int maxAttempts,
        Duration resendCooldown,
        int maxSends,
        int smsDigits,
        int emailDigits) {

    public ChallengePolicy {
        Objects.requireNonNull(challengeTtl, "challengeTtl");
        Objects.requireNonNull(codeTtl, "codeTtl");
        Objects.requireNonNull(resendCooldown, "resendCooldown");
        requirePositive(challengeTtl, "challengeTtl");
        requirePositive(codeTtl, "codeTtl");
        if (codeTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("codeTtl must be at most 10 minutes (NIST SP 800-63B)");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 100");
        }
        if (resendCooldown.isNegative() || maxSends < 1) {
            throw new IllegalArgumentException("resendCooldown must not be negative and maxSends positive");
        }
        requireDigits(smsDigits, "smsDigits");
        requireDigits(emailDigits, "emailDigits");
    }

    public static ChallengePolicy defaults() {
        return new ChallengePolicy(Duration.ofMinutes(10), Duration.ofMinutes(5), 5,
                Duration.ofSeconds(30), 5, 6, 8);
    }

    public int digitsFor(ChallengeMethod method) {
        return switch (method) {
            case SMS -> smsDigits;
            case EMAIL -> emailDigits;
            case APP -> throw new IllegalArgumentException("app codes are not issued by the service");
        };
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requireDigits(int digits, String name) {
        if (digits < 6 || digits > 9) {
            throw new IllegalArgumentException(name + " must be 6 to 9");
        }
    }
}
