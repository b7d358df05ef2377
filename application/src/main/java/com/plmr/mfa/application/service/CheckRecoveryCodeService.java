package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.LoadRecoveryCodesPort;
import com.plmr.mfa.application.port.out.UseRecoveryCodePort;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.recovery.RecoveryCode;
import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Looks a presented recovery code up by its keyed hash among the user's unused codes and marks it
 * used with one conditional update, which is what makes a code single use across concurrent
 * requests and instances: the update that changed the row won, every other one finds it used and
 * answers a wrong code. A code used before, a code of an earlier set and a code never issued are one
 * answer, so no reply tells a once valid code from a guess. A use is recorded as
 * {@code recovery_code.used}, in the challenge's transaction: the decision a notice to the user hangs on.
 */
public final class CheckRecoveryCodeService implements RecoveryCodeCheck {

    private final LoadRecoveryCodesPort load;
    private final UseRecoveryCodePort use;
    private final CodeHasher hasher;
    private final AuditTrail audit;

    public CheckRecoveryCodeService(LoadRecoveryCodesPort load, UseRecoveryCodePort use, CodeHasher hasher,
                                    AuditTrail audit) {
        this.load = load;
        this.use = use;
        this.hasher = hasher;
        this.audit = audit;
    }

    @Override
    public Optional<Boolean> use(Actor actor, UserId user, RecoveryCode code, Instant now) {
        if (!load.summaryOf(user).map(RecoveryCodeSummary::anyLeft).orElse(false)) {
            return Optional.empty();
        }
        boolean used = use.markUsed(user, hasher.recoveryCodeHash(user, code), now);
        if (used) {
            audit.record(actor, AuditType.RECOVERY_CODE_USED, null, RecoveryCodeSubjects.of(user));
        }
        return Optional.of(used);
    }
}
