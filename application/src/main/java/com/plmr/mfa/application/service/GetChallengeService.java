package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.GetChallengeUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.DeliveryStatusPort;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;

public final class GetChallengeService implements GetChallengeUseCase {

    private final ChallengeGate gate;
    private final DeliveryStatusPort deliveries;
    private final Clock clock;

    public GetChallengeService(LoadChallengePort challenges, DeliveryStatusPort deliveries, Clock clock) {
        this.gate = new ChallengeGate(challenges);
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public Access<View> get(Actor actor, ChallengeId id) {
        return gate.enter(actor, id, Scopes.CHALLENGES_READ, false, challenge ->
                new View(challenge, challenge.statusAt(clock.instant()), deliveries.latestFor(id)));
    }
}
