package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.CancelChallengeUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.CancelOutcome;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;

public final class CancelChallengeService implements CancelChallengeUseCase {

    private final ChallengeGate gate;
    private final SaveChallengePort save;
    private final TransactionPort transactions;
    private final Clock clock;

    public CancelChallengeService(LoadChallengePort load, SaveChallengePort save, TransactionPort transactions,
                                  Clock clock) {
        this.gate = new ChallengeGate(load);
        this.save = save;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<CancelOutcome> cancel(Actor actor, ChallengeId id) {
        return transactions.inTransaction(() -> gate.enterAsService(actor, id, Scopes.CHALLENGES_CANCEL, true, challenge ->
                Transitions.stored(challenge.cancel(clock.instant()), save)));
    }
}
