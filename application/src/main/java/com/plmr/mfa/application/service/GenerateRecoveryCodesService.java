package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.GenerateRecoveryCodesUseCase;
import com.plmr.mfa.application.port.out.ReplaceRecoveryCodesPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.recovery.RecoveryCodePolicy;
import com.plmr.mfa.domain.recovery.RecoveryCodeSet;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Draws a set of recovery codes from the injected random source (a {@link java.security.SecureRandom}
 * in production), stores their keyed hashes in place of the user's earlier set and records
 * {@code recovery_codes.generated}, or {@code recovery_codes.regenerated} when a set was replaced:
 * the decision a notice to the user hangs on, since a replaced set may be one the user still relies on.
 * Replacement, record and answer are one transaction.
 */
public final class GenerateRecoveryCodesService implements GenerateRecoveryCodesUseCase {

    private final ReplaceRecoveryCodesPort store;
    private final TransactionPort transactions;
    private final CodeHasher hasher;
    private final RecoveryCodePolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomGenerator random;

    public GenerateRecoveryCodesService(ReplaceRecoveryCodesPort store, TransactionPort transactions,
                                        CodeHasher hasher, RecoveryCodePolicy policy, AuditTrail audit, Clock clock,
                                        RandomGenerator random) {
        this.store = store;
        this.transactions = transactions;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Access<Generated> generate(Actor actor, UserId user) {
        return FactorGate.change(actor, user, audit, AuditType.FACTOR_CHANGE_REFUSED, RecoveryCodeSubjects.of(user),
                () -> Optional.of(transactions.inTransaction(() -> {
                    RecoveryCodeSet set = RecoveryCodeSet.generate(user, policy, random, clock.instant());
                    boolean replaced = store.replace(user, set.codes().stream()
                            .map(code -> hasher.recoveryCodeHash(user, code)).toList(), set.created());
                    audit.record(actor, replaced ? AuditType.RECOVERY_CODES_REGENERATED
                            : AuditType.RECOVERY_CODES_GENERATED, null, RecoveryCodeSubjects.of(user));
                    return new Generated(set, replaced);
                })));
    }
}
