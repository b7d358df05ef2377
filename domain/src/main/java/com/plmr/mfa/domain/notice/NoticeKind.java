package com.plmr.mfa.domain.notice;

import com.plmr.mfa.domain.audit.AuditType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user is told about, by a notice to the contact on record (OWASP MFA cheat sheet: notify
 * users of factor changes and of failed attempts). Each kind follows one recorded decision: a
 * notice is never sent for something the audit trail does not hold.
 *
 * <p>A notice tells that something happened, to whom and when; it never carries a code, a secret
 * or a full destination. The lockouts are {@linkplain #coalesced() coalesced}: whoever can guess
 * codes can cause them, so they must not become a way to flood the user. The changes of factors
 * are never coalesced: a flood of them must not hide the one change that matters.
 */
public enum NoticeKind {
    FACTOR_ADDED(AuditType.FACTOR_ADDED, false),
    FACTOR_VERIFIED(AuditType.FACTOR_VERIFIED, false),
    FACTOR_REMOVED(AuditType.FACTOR_REMOVED, false),
    FACTORS_RESET(AuditType.FACTORS_RESET, false),
    RECOVERY_CODE_USED(null, false),
    RECOVERY_CODES_REGENERATED(null, false),
    CHALLENGE_LOCKED(AuditType.CHALLENGE_LOCKED, true),
    REGISTRATION_LOCKED(AuditType.FACTOR_LOCKED, true),
    VERIFIES_PAUSED(AuditType.VERIFIES_PAUSED, true);

    private final AuditType follows;
    private final boolean coalesced;

    NoticeKind(AuditType follows, boolean coalesced) {
        this.follows = follows;
        this.coalesced = coalesced;
    }

    /**
     * The notice that follows a recorded decision of {@code type}, if any. The recovery-code kinds
     * follow no decision yet: their use case names them when it records its decision.
     */
    public static Optional<NoticeKind> following(AuditType type) {
        return Arrays.stream(values()).filter(kind -> kind.follows == type && type != null).findFirst();
    }

    /** Whether at most one notice of this kind reaches a user per coalescing interval. */
    public boolean coalesced() {
        return coalesced;
    }

    /** The name in settings and templates: {@code factor-added}, {@code challenge-locked}... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<NoticeKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }
}
