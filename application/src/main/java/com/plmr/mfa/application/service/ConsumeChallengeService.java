package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ConsumeChallengeUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;

/** Consumes under the challenge's row lock, so two concurrent consumes cannot both succeed. */
public final class ConsumeChallengeService implements ConsumeChallengeUseCase {

    private final ChallengeGate gate;
    private final SaveChallengePort save;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsumeChallengeService(LoadChallengePort load, SaveChallengePort save, TransactionPort transactions,
                              AuditTrail audit, Clock clock) {
        this.gate = new ChallengeGate(load).audited(audit, AuditType.CHALLENGE_CONSUME_REFUSED);
        this.audit = audit;
        this.save = save;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<ConsumeOutcome> consume(Actor actor, ChallengeId id) {
        return transactions.inTransaction(() -> gate.enterAsService(actor, id, Scopes.CHALLENGES_CONSUME, true, challenge -> {
            ConsumeOutcome outcome = Transitions.stored(challenge.consume(clock.instant()), save);
            audit.decided(actor, DecisionRecords.of(outcome),
                    Subject.user(challenge.userId().value()).withChallenge(challenge.id().value()));
            return outcome;
        }));
    }
}
