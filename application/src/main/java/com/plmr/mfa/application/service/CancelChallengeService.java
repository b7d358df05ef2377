package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.CancelChallengeUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.CancelOutcome;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;

public final class CancelChallengeService implements CancelChallengeUseCase {

    private final ChallengeGate gate;
    private final SaveChallengePort save;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public CancelChallengeService(LoadChallengePort load, SaveChallengePort save, TransactionPort transactions,
                              AuditTrail audit, Clock clock) {
        this.gate = new ChallengeGate(load).audited(audit, AuditType.CHALLENGE_CANCEL_REFUSED);
        this.audit = audit;
        this.save = save;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<CancelOutcome> cancel(Actor actor, ChallengeId id) {
        return transactions.inTransaction(() -> gate.enterAsService(actor, id, Scopes.CHALLENGES_CANCEL, true, challenge -> {
            CancelOutcome outcome = Transitions.stored(challenge.cancel(clock.instant()), save);
            audit.decided(actor, DecisionRecords.of(outcome),
                    Subject.user(challenge.userId().value()).withChallenge(challenge.id().value()));
            return outcome;
        }));
    }
}
