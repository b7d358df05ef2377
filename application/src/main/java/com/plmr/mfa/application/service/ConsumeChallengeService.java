package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ConsumeChallengeUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.in.ConsumeChallengeUseCase.Consumption;
import com.plmr.mfa.application.port.out.ChallengeRequesterPort;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.SignAssertionPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.assertion.AssertionPolicy;
import com.plmr.mfa.domain.assertion.StepUpAssertion;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;
import java.util.Optional;

/**
 * Consumes under the challenge's row lock, so two concurrent consumes cannot both succeed, and
 * signs the step-up assertion of a consumed challenge inside the same transaction: if signing
 * failed, the consume would roll back and could be retried, rather than leave a consumed challenge
 * whose assertion no one received.
 */
public final class ConsumeChallengeService implements ConsumeChallengeUseCase {

    private final ChallengeGate gate;
    private final SaveChallengePort save;
    private final ChallengeRequesterPort requesters;
    private final SignAssertionPort signer;
    private final AssertionPolicy policy;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsumeChallengeService(LoadChallengePort load, SaveChallengePort save, ChallengeRequesterPort requesters,
                                   SignAssertionPort signer, AssertionPolicy policy, TransactionPort transactions,
                                   AuditTrail audit, Clock clock) {
        this.gate = new ChallengeGate(load).audited(audit, AuditType.CHALLENGE_CONSUME_REFUSED);
        this.audit = audit;
        this.save = save;
        this.requesters = requesters;
        this.signer = signer;
        this.policy = policy;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<Consumption> consume(Actor actor, ChallengeId id) {
        return transactions.inTransaction(() -> gate.enterAsService(actor, id, Scopes.CHALLENGES_CONSUME, true, challenge -> {
            ConsumeOutcome outcome = Transitions.stored(challenge.consume(clock.instant()), save);
            audit.decided(actor, DecisionRecords.of(outcome),
                    Subject.user(challenge.userId().value()).withChallenge(challenge.id().value()));
            Optional<String> assertion = outcome instanceof ConsumeOutcome.Consumed consumed
                    ? Optional.of(signer.sign(StepUpAssertion.of(consumed.challenge(), requesters.requesterOf(id),
                            ((Actor.Service) actor).clientId(), policy)))
                    : Optional.empty();
            return new Consumption(outcome, assertion);
        }));
    }
}
