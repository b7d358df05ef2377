package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import com.plmr.mfa.domain.user.Actor;

/** The consumer's operation proceeds: a verified challenge is consumed, exactly once. */
public interface ConsumeChallengeUseCase {

    Access<ConsumeOutcome> consume(Actor actor, ChallengeId id);
}
