package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeStatus;
import com.plmr.mfa.domain.delivery.DeliveryState;
import com.plmr.mfa.domain.user.Actor;

import java.util.Optional;

/** A consumer (or the challenge's user) reads where a challenge stands. */
public interface GetChallengeUseCase {

    Access<View> get(Actor actor, ChallengeId id);

    /** The challenge, its status as of now and the delivery state of its latest message. */
    record View(Challenge challenge, ChallengeStatus status, Optional<DeliveryState> delivery) {
    }
}
