package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ResetFactorsUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.ResetFactorsPort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.CancelOutcome;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeStatus;
import com.plmr.mfa.domain.factor.FactorKind;
import com.plmr.mfa.domain.factor.FactorReset;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Resets a user's factors in one transaction: the user's pending challenges are cancelled first,
 * each under its row lock (the order every verify takes: challenge, then the user's rows), so no
 * challenge is verified with a factor the reset removes; then the reset is recorded with its reason,
 * which queues the user's notice to the contacts still on record; then the factors are deleted.
 */
public final class ResetFactorsService implements ResetFactorsUseCase {

    /** The factor id of a reset of every kind in the audit trail. */
    static final String ALL_FACTORS = "all";

    private final ResetFactorsPort rows;
    private final LoadChallengePort load;
    private final SaveChallengePort save;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public ResetFactorsService(ResetFactorsPort rows, LoadChallengePort load, SaveChallengePort save,
                               TransactionPort transactions, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.load = load;
        this.save = save;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Access<FactorReset> reset(Actor actor, Command command) {
        UserId user = command.user();
        Subject subject = Subject.user(user.value())
                .withFactor(command.kind().map(FactorKind::code).orElse(ALL_FACTORS));
        if (!actor.isServiceWith(Scopes.FACTORS_ADMIN)) {
            return audit.refusedAccess(new Access.Forbidden<>(), actor, AuditType.FACTORS_RESET_REFUSED, subject);
        }
        Set<FactorKind> kinds = command.kind().map(EnumSet::of).orElseGet(() -> EnumSet.allOf(FactorKind.class));
        return Access.granted(transactions.inTransaction(() -> {
            Instant now = clock.instant();
            int cancelled = 0;
            for (ChallengeId id : rows.pendingChallengesOf(user, now)) {
                cancelled += load.loadLocked(id).map(challenge -> cancel(actor, challenge, now)).orElse(0);
            }
            audit.record(actor, AuditType.FACTORS_RESET, subject, command.reason());
            return FactorReset.of(user, kinds, rows.removeFactors(user, kinds), cancelled, now);
        }));
    }

    /** @return 1 when the challenge was still pending under its lock and is now cancelled, else 0 */
    private int cancel(Actor actor, Challenge challenge, Instant now) {
        if (challenge.statusAt(now) != ChallengeStatus.PENDING) {
            return 0;
        }
        CancelOutcome outcome = Transitions.stored(challenge.cancel(now), save);
        audit.decided(actor, DecisionRecords.of(outcome),
                Subject.user(challenge.userId().value()).withChallenge(challenge.id().value()));
        return 1;
    }
}
