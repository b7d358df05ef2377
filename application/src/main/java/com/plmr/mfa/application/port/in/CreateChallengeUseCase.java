package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A consumer service opens a step-up challenge for a user and the operation to approve. */
public interface CreateChallengeUseCase {

    /** Needs a service with {@link Scopes#CHALLENGES_CREATE}; users cannot create challenges. */
    Access<Challenge> create(Actor actor, Command command);

    /**
     * @param allowedMethods empty means all methods; {@code locale} may be {@code null}
     * @param nonce          what the step-up assertion is to carry, or {@code null}
     */
    record Command(UserId user, StepUpContext context, Set<ChallengeMethod> allowedMethods, Locale locale,
                   String nonce) {
        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(context, "context");
            allowedMethods = allowedMethods == null ? Set.of() : Set.copyOf(allowedMethods);
        }

        /** A command without a nonce. */
        public Command(UserId user, StepUpContext context, Set<ChallengeMethod> allowedMethods, Locale locale) {
            this(user, context, allowedMethods, locale, null);
        }
    }
}
