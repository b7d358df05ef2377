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

        R clockSkew(ClockSkew outcome);

        R rejected(Rejected outcome);

        R locked(Locked outcome);
    }

    /** The code is right and new: {@code registration} is the state to store (active, step advanced). */
    record Accepted(TotpRegistration registration) implements TotpAttempt {
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
     * A code of a step {@code stepsOff} away, outside the window: the device clock is off (RFC
     * 6238 §6). The offset is for logs and metrics; a positive one tells of a future code, so
     * answers to the user carry only the hint.
     */
    record ClockSkew(long stepsOff) implements TotpAttempt {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.clockSkew(this);
        }
    }

    /** A wrong code. */
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
