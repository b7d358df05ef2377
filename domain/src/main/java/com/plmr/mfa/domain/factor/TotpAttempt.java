package com.plmr.mfa.domain.factor;

import java.time.Duration;

/**
 * What came of a code typed for one registration. Only {@link Accepted} proves possession of the
 * app, and only once the store has advanced the last accepted step (compare-and-set); every other
 * variant is a failed attempt that counts towards the lockout, except {@link Locked}, which
 * checked nothing.
 */
public sealed interface TotpAttempt {

    /** Applies the case for this variant; adding a variant breaks every caller until it is handled. */
    <R> R fold(Cases<R> cases);

    /** One method per variant: Java 17's compile-time exhaustive match over this sealed type. */
    interface Cases<R> {
        R accepted(Accepted outcome);

        R replayed(Replayed outcome);

        R rejected(Rejected outcome);

        R locked(Locked outcome);
    }

    /**
     * The code is right and new: {@code registration} is the state to store (active, step
     * advanced). {@code stepsOff} is how far the code's step lies from the service's current one
     * (RFC 6238 §6: the device clock's drift, within the window); it is for operators, never for
     * the answer.
     */
    record Accepted(TotpRegistration registration, long stepsOff) implements TotpAttempt {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.accepted(this);
        }
    }

    /** A right code of a step that was already accepted, or earlier (RFC 6238 §5.2). */
    record Replayed(long step) implements TotpAttempt {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.replayed(this);
        }
    }

    /**
     * A wrong code; a code of a time step outside the window is one, told apart by nothing (see
     * {@link com.plmr.mfa.domain.totp.Totp#verify}).
     */
    record Rejected() implements TotpAttempt {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.rejected(this);
        }
    }

    /** Too many wrong codes: no code is checked for {@code retryAfter}. */
    record Locked(Duration retryAfter) implements TotpAttempt {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.locked(this);
        }
    }
}
