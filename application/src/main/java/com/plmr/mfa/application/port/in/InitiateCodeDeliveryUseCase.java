package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.InitiationOutcome;
import com.plmr.mfa.domain.user.Actor;

import java.util.Locale;
import java.util.Objects;

/** Sends a fresh one-time code for a challenge by SMS or e-mail, replacing any earlier code. */
public interface InitiateCodeDeliveryUseCase {

    Access<Initiation> initiate(Actor actor, Command command);

    /** @param preferredLocale the caller's language (Accept-Language), used when the challenge has none */
    record Command(ChallengeId challenge, ChallengeMethod method, Locale preferredLocale) {
        public Command {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(method, "method");
            if (!method.isDelivered()) {
                throw new IllegalArgumentException("only SMS and e-mail codes are sent");
            }
        }
    }

    /** The outcome, and where the code went (masked) when one was issued. */
    record Initiation(InitiationOutcome outcome, String maskedDestination) {
    }
}
