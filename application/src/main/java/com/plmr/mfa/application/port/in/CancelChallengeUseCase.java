package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.challenge.CancelOutcome;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.user.Actor;

/** The consumer withdraws the step-up request; its context is removed. */
public interface CancelChallengeUseCase {

    Access<CancelOutcome> cancel(Actor actor, ChallengeId id);
}
