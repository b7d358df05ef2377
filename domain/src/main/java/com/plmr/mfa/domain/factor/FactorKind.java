package com.plmr.mfa.domain.factor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of factor a user has, as an administrator resets them: the contacts codes go to, authenticator apps and recovery codes. */
public enum FactorKind {
    PHONE("phone"),
    EMAIL("email"),
    APP("totp"),
    RECOVERY_CODES("recovery_codes");

    private final String code;

    FactorKind(String code) {
        this.code = code;
    }

    /** The value on the wire and in the audit trail's factor id. */
    public String code() {
        return code;
    }

    public static Optional<FactorKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code.toLowerCase(Locale.ROOT))).findFirst();
    }
}
