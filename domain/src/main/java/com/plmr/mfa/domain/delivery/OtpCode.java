package com.plmr.mfa.domain.delivery;

import java.util.Objects;

/**
 * A one-time code in clear, as it is sent to the user: only ever in memory and sealed in the
 * outbox; the challenge keeps its keyed hash. {@link #toString()} never shows the digits, so a code
 * cannot reach a log line or an exception message by accident (OWASP MFA: never log codes).
 *
 * @param digits the code, decimal digits only
 */
public record OtpCode(String digits) {

    public OtpCode {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a one-time code is one or more decimal digits");
        }
    }

    @Override
    public String toString() {
        return "OtpCode[" + digits.length() + " digits]";
    }
}
