package com.plmr.mfa.domain.audit;

import com.plmr.mfa.domain.challenge.ChallengeStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Why an operation was refused (or, for a lock, what locked it). A small closed set inside the
 * service, so that it can tag a counter; open on the wire like {@link AuditType}.
 */
public enum AuditReason {
    CODE_WRONG,
    CODE_REPLAYED,
    CODE_EXPIRED,
    CODE_NOT_ISSUED,
    CODE_MALFORMED,
    CHALLENGE_VERIFIED,
    CHALLENGE_CONSUMED,
    CHALLENGE_EXPIRED,
    CHALLENGE_LOCKED,
    CHALLENGE_CANCELLED,
    CHALLENGE_NOT_VERIFIED,
    METHOD_NOT_ALLOWED,
    NO_FACTOR,
    NO_DESTINATION,
    RESEND_COOLDOWN,
    SEND_CAP_REACHED,
    SEND_RATE_LIMITED,
    PHONE_TYPE_REFUSED,
    PHONE_COUNTRY_REFUSED,
    VERIFY_RATE_LIMITED,
    APP_LOCKED,
    ATTEMPTS_EXHAUSTED,
    SUBJECT_MISMATCH,
    SCOPE_MISSING,
    SIGNATURE_MISSING,
    SIGNATURE_INVALID,
    RECEIPTS_NOT_CONFIGURED,
    NOT_FOUND,
    NOTICE_COALESCED;

    /**
     * The reasons that are abuse limits (across challenges, the SMS fraud guard, or a factor's
     * lockout), not a single wrong step.
     */
    public static final Set<AuditReason> ABUSE_LIMITS = EnumSet.of(RESEND_COOLDOWN, SEND_CAP_REACHED, SEND_RATE_LIMITED,
            PHONE_TYPE_REFUSED, PHONE_COUNTRY_REFUSED, VERIFY_RATE_LIMITED, APP_LOCKED);

    /** The value on the wire: the name in lower case. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<AuditReason> ofCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst();
    }

    /** Why an operation that needs a live challenge was refused one in {@code status}. */
    public static AuditReason closed(ChallengeStatus status) {
        return switch (status) {
            case PENDING -> CHALLENGE_NOT_VERIFIED;
            case VERIFIED -> CHALLENGE_VERIFIED;
            case CONSUMED -> CHALLENGE_CONSUMED;
            case EXPIRED -> CHALLENGE_EXPIRED;
            case LOCKED -> CHALLENGE_LOCKED;
            case CANCELLED -> CHALLENGE_CANCELLED;
        };
    }
}
