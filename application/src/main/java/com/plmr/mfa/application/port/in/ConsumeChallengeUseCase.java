package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import com.plmr.mfa.domain.user.Actor;

import java.util.Objects;
import java.util.Optional;

/**
 * The consumer's operation proceeds: a verified challenge is consumed, exactly once, and the
 * consumer receives a signed step-up assertion of what was approved.
 */
public interface ConsumeChallengeUseCase {

    Access<Consumption> consume(Actor actor, ChallengeId id);

    /**
     * What came of the consume and, exactly when the challenge was consumed, the signed assertion
     * of it (a compact JWS).
     */
    record Consumption(ConsumeOutcome outcome, Optional<String> assertion) {
        public Consumption {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(assertion, "assertion");
            if ((outcome instanceof ConsumeOutcome.Consumed) != assertion.isPresent()) {
                throw new IllegalArgumentException("a consumed challenge, and only one, comes with its assertion");
            }
        }
    }
}
