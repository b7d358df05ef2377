package com.plmr.mfa.domain.challenge;

import java.time.Duration;
import java.util.Objects;

import static com.plmr.mfa.domain.ParameterException.require;

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

    /** A step-up approves one operation; an approval older than an hour no longer speaks for it. */
    public static final Duration MAX_CHALLENGE_TTL = Duration.ofHours(1);
    /** NIST SP 800-63B §5.1.3.2: an out-of-band secret is valid for at most 10 minutes. */
    public static final Duration MAX_CODE_TTL = Duration.ofMinutes(10);
    /** Each send is a paid message to a person; the abuse limits bound sends across challenges. */
    public static final int MAX_SENDS = 20;

    public ChallengePolicy {
        Objects.requireNonNull(challengeTtl, "challengeTtl");
        Objects.requireNonNull(codeTtl, "codeTtl");
        Objects.requireNonNull(resendCooldown, "resendCooldown");
        require(isPositive(challengeTtl) && challengeTtl.compareTo(MAX_CHALLENGE_TTL) <= 0, "challengeTtl",
                "more than 0s and at most 1h");
        require(isPositive(codeTtl) && codeTtl.compareTo(MAX_CODE_TTL) <= 0, "codeTtl",
                "more than 0s and at most 10m (NIST SP 800-63B)");
        require(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts", "1 to 100");
        require(!resendCooldown.isNegative() && resendCooldown.compareTo(challengeTtl) < 0, "resendCooldown",
                "0s or more and less than the challenge lifetime (" + challengeTtl.toSeconds() + "s)");
        require(maxSends >= 1 && maxSends <= MAX_SENDS, "maxSends", "1 to " + MAX_SENDS);
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
            case APP, RECOVERY -> throw new IllegalArgumentException(method + " codes are not sent by the service");
        };
    }

    private static boolean isPositive(Duration value) {
        return !value.isZero() && !value.isNegative();
    }

    private static void requireDigits(int digits, String name) {
        require(digits >= 6 && digits <= 9, name, "6 to 9");
    }
}
