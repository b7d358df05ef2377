package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.CreateChallengeUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;
import java.util.random.RandomGenerator;

public final class CreateChallengeService implements CreateChallengeUseCase {

    private final SaveChallengePort save;
    private final TransactionPort transactions;
    private final ChallengePolicy policy;
    private final Clock clock;
    private final RandomGenerator random;

    public CreateChallengeService(SaveChallengePort save, TransactionPort transactions, ChallengePolicy policy,
                                  Clock clock, RandomGenerator random) {
        this.save = save;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Access<Challenge> create(Actor actor, Command command) {
        if (!actor.isServiceWith(Scopes.CHALLENGES_CREATE)) {
            return new Access.Forbidden<>();
        }
        Challenge challenge = Challenge.open(ChallengeId.random(random), command.user(), command.context(),
                command.allowedMethods(), command.locale(), policy, clock.instant());
        transactions.inTransaction(() -> {
            save.save(challenge);
            return challenge;
        });
        return Access.granted(challenge);
    }
}
