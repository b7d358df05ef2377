package com.plmr.mfa.domain.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an audit event records: a state change of a challenge, a message or a factor, or a refusal of
 * an operation. The list is closed inside the service (every value is registered as a counter at
 * start) and open on the wire: a client treats a type it does not know like any other event.
 */
public enum AuditType {
    CHALLENGE_CREATED("challenge.created"),
    CHALLENGE_CREATE_REFUSED("challenge.create_refused"),
    CODE_ISSUED("code.issued"),
    CODE_REFUSED("code.refused"),
    MESSAGE_QUEUED("message.queued"),
    MESSAGE_SENT("message.sent"),
    MESSAGE_RETRYING("message.retrying"),
    MESSAGE_FAILED("message.failed"),
    MESSAGE_EXPIRED("message.expired"),
    MESSAGE_DELIVERED("message.delivered"),
    MESSAGE_UNDELIVERED("message.undelivered"),
    RECEIPT_REFUSED("receipt.refused"),
    VERIFY_SUCCEEDED("verify.succeeded"),
    VERIFY_REFUSED("verify.refused"),
    CHALLENGE_LOCKED("challenge.locked"),
    CHALLENGE_CONSUMED("challenge.consumed"),
    CHALLENGE_CONSUME_REFUSED("challenge.consume_refused"),
    CHALLENGE_CANCELLED("challenge.cancelled"),
    CHALLENGE_CANCEL_REFUSED("challenge.cancel_refused"),
    FACTOR_ADDED("factor.added"),
    FACTOR_CHANGED("factor.changed"),
    FACTOR_VERIFIED("factor.verified"),
    FACTOR_VERIFY_REFUSED("factor.verify_refused"),
    FACTOR_REMOVED("factor.removed"),
    FACTOR_LOCKED("factor.locked"),
    FACTOR_UNLOCKED("factor.unlocked"),
    FACTOR_CHANGE_REFUSED("factor.change_refused"),
    FACTORS_RESET("factors.reset"),
    FACTORS_RESET_REFUSED("factors.reset_refused"),
    VERIFIES_PAUSED("verify.paused"),
    NOTICE_QUEUED("notice.queued"),
    NOTICE_SKIPPED("notice.skipped"),
    CLOCK_DRIFT_SUSPECTED("totp.clock_drift_suspected"),
    /** A user's first set of recovery codes was generated. */
    RECOVERY_CODES_GENERATED("recovery_codes.generated"),
    /** A new set of recovery codes replaced the user's earlier one, whose codes no longer work. */
    RECOVERY_CODES_REGENERATED("recovery_codes.regenerated"),
    /** A recovery code answered a challenge and is used up. */
    RECOVERY_CODE_USED("recovery_code.used"),
    USER_ERASED("user.erased"),
    USER_ERASE_REFUSED("user.erase_refused");

    private final String code;

    AuditType(String code) {
        this.code = code;
    }

    /** The value on the wire, in the table and in the log line. */
    public String code() {
        return code;
    }

    public static Optional<AuditType> ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
