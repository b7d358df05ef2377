package com.plmr.mfa.domain.challenge;

import java.time.Duration;
import java.time.Instant;

/** What came of a request to send a code for a challenge. */
public sealed interface InitiationOutcome {

    /** Applies the case for this variant; adding a variant breaks every caller until it is handled. */
    <R> R fold(Cases<R> cases);

    /** One method per variant: Java 17's compile-time exhaustive match over this sealed type. */
    interface Cases<R> {
        R issued(Issued outcome);

        R notPending(NotPending outcome);

        R contextGone(ContextGone outcome);

        R methodNotAllowed(MethodNotAllowed outcome);

        R coolingDown(CoolingDown outcome);

        R sendCapReached(SendCapReached outcome);

        R noDestination(NoDestination outcome);

        R rateLimited(RateLimited outcome);

        R destinationRefused(DestinationRefused outcome);
    }

    /** A new code was issued; earlier codes of the challenge no longer work. */
    record Issued(Challenge challenge, Instant codeExpiresAt, Instant resendAvailableAt,
                  int sendsRemaining, boolean replacedPreviousCode) implements InitiationOutcome, Transition {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.issued(this);
        }
    }

    /** The challenge is verified, consumed, expired or locked. */
    record NotPending(ChallengeStatus status) implements InitiationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.notPending(this);
        }
    }

    /** The step-up request was cancelled. */
    record ContextGone() implements InitiationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.contextGone(this);
        }
    }

    /** The consumer did not allow this method for the challenge. */
    record MethodNotAllowed(ChallengeMethod method) implements InitiationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.methodNotAllowed(this);
        }
    }

    /** A code was sent too recently; another send is possible after {@code retryAfter}. */
    record CoolingDown(Duration retryAfter) implements InitiationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.coolingDown(this);
        }
    }

    /**
     * The challenge used all its sends and sends no more, however long the caller waits; it stays
     * verifiable with the last code until that expires.
     */
    record SendCapReached() implements InitiationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.sendCapReached(this);
        }
    }

    /** The user has no phone number or e-mail address to send to. */
    record NoDestination(ChallengeMethod method) implements InitiationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.noDestination(this);
        }
    }

    /**
     * A limit across challenges was reached: sends per destination or per user in a window
     * (SMS pumping, message bombing). Nothing was sent; {@code retryAfter} is when the window ends.
     */
    record RateLimited(Duration retryAfter) implements InitiationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.rateLimited(this);
        }
    }

    /**
     * The fraud guard refused the user's phone number (its line type or its country): nothing was
     * queued, no quota was spent, and waiting does not help.
     */
    record DestinationRefused(ChallengeMethod method, DestinationRefusal refusal) implements InitiationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.destinationRefused(this);
        }
    }
}
