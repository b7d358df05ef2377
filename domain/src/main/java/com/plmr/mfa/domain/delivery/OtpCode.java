package com.plmr.mfa.domain.delivery;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A one-time code in clear, as it is sent to the user: only ever in memory and sealed in the
 * outbox; the challenge keeps its keyed hash. {@link #toString()} never shows the digits, so a code
 * cannot reach a log line or an exception message by accident (OWASP MFA: never log codes).
 *
 * @param digits the code, decimal digits only
 */
public record OtpCode(String digits) {

    private static final Pattern TYPED = Pattern.compile("[0-9]{6,9}");

    public OtpCode {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a one-time code is one or more decimal digits");
        }
    }

    /**
     * Whether a code a user typed has the shape every one-time code here has, delivered or computed
     * by an authenticator app: 6 to 9 ASCII digits. Whether it has the number of digits the
     * challenge or the app uses is for the check to say.
     */
    public static boolean isWellFormed(String typed) {
        return typed != null && TYPED.matcher(typed).matches();
    }

    @Override
    public String toString() {
        return "OtpCode[" + digits.length() + " digits]";
    }
}
