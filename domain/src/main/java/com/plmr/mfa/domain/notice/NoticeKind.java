package com.plmr.mfa.domain.notice;

import com.plmr.mfa.domain.audit.AuditType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a user is told about, by a notice to the contact on record (OWASP MFA cheat sheet: notify
 * users of factor changes and of failed attempts). Each kind follows the recorded decisions of its audit
 * types: a notice is never sent for something the audit trail does not hold.
 *
 * <p>A notice tells that something happened, to whom and when; it never carries a code, a secret
 * or a full destination. The lockouts are {@linkplain #coalesced() coalesced}: whoever can guess
 * codes can cause them, so they must not become a way to flood the user. The changes of factors
 * are never coalesced: a flood of them must not hide the one change that matters.
 */
public enum NoticeKind {
    FACTOR_ADDED(false, AuditType.FACTOR_ADDED, AuditType.RECOVERY_CODES_GENERATED),
    FACTOR_VERIFIED(false, AuditType.FACTOR_VERIFIED),
    FACTOR_REMOVED(false, AuditType.FACTOR_REMOVED),
    FACTORS_RESET(false, AuditType.FACTORS_RESET),
    RECOVERY_CODE_USED(false, AuditType.RECOVERY_CODE_USED),
    RECOVERY_CODES_REGENERATED(false, AuditType.RECOVERY_CODES_REGENERATED),
    CHALLENGE_LOCKED(true, AuditType.CHALLENGE_LOCKED),
    REGISTRATION_LOCKED(true, AuditType.FACTOR_LOCKED),
    VERIFIES_PAUSED(true, AuditType.VERIFIES_PAUSED);

    private final Set<AuditType> follows;
    private final boolean coalesced;

    NoticeKind(boolean coalesced, AuditType first, AuditType... more) {
        this.follows = EnumSet.of(first, more);
        this.coalesced = coalesced;
    }

    /**
     * The notice that follows a recorded decision of {@code type}, if any. A user's first set of
     * recovery codes is a factor added; a new set replacing it is a kind of its own.
     */
    public static Optional<NoticeKind> following(AuditType type) {
        return Arrays.stream(values()).filter(kind -> kind.follows.contains(type)).findFirst();
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
