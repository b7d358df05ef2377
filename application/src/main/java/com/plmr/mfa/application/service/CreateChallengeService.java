package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.CreateChallengeUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.AddChallengePort;
import com.plmr.mfa.application.port.out.ChallengeRequesterPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.Requester;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;
import java.util.random.RandomGenerator;

public final class CreateChallengeService implements CreateChallengeUseCase {

    private final AddChallengePort add;
    private final ChallengeRequesterPort requesters;
    private final TransactionPort transactions;
    private final ChallengePolicy policy;
    private final Clock clock;
    private final RandomGenerator random;
    private final AuditTrail audit;

    public CreateChallengeService(AddChallengePort add, ChallengeRequesterPort requesters,
                                  TransactionPort transactions, ChallengePolicy policy, AuditTrail audit, Clock clock,
                                  RandomGenerator random) {
        this.audit = audit;
        this.add = add;
        this.requesters = requesters;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Access<Challenge> create(Actor actor, Command command) {
        if (!actor.isServiceWith(Scopes.CHALLENGES_CREATE)) {
            return audit.refusedAccess(new Access.Forbidden<>(), actor, AuditType.CHALLENGE_CREATE_REFUSED,
                    Subject.user(command.user().value()));
        }
        Challenge challenge = Challenge.open(ChallengeId.random(random), command.user(), command.context(),
                command.allowedMethods(), command.locale(), policy, clock.instant());
        transactions.inTransaction(() -> {
            add.add(challenge);
            String consumer = ((Actor.Service) actor).clientId();
            requesters.remember(challenge.id(), new Requester(consumer.isBlank() ? null : consumer, command.nonce()));
            audit.record(actor, AuditType.CHALLENGE_CREATED, null,
                    Subject.user(challenge.userId().value()).withChallenge(challenge.id().value()));
            return challenge;
        });
        return Access.granted(challenge);
    }
}
