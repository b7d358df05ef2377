package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ConsumeChallengeUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;

/** Consumes under the challenge's row lock, so two concurrent consumes cannot both succeed. */
public final class ConsumeChallengeService implements ConsumeChallengeUseCase {

    private final ChallengeGate gate;
    private final SaveChallengePort save;
    private final TransactionPort transactions;
    private final Clock clock;

    public ConsumeChallengeService(LoadChallengePort load, SaveChallengePort save, TransactionPort transactions,
                                   Clock clock) {
        this.gate = new ChallengeGate(load);
        this.save = save;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<ConsumeOutcome> consume(Actor actor, ChallengeId id) {
        return transactions.inTransaction(() -> gate.enterAsService(actor, id, Scopes.CHALLENGES_CONSUME, true, challenge ->
                Transitions.stored(challenge.consume(clock.instant()), save)));
    }
}
