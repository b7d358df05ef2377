package com.plmr.mfa.domain.authenticator;

import java.time.Duration;

/**
 * The verdict on a code typed for an authenticator app: what {@link Totp#verify} makes of it, what
 * a registration answers while it is locked, and what a service answers for all of a user's apps.
 * One type from the engine to the challenge, read with {@link #fold}: adding a variant breaks
 * every reader until it is handled.
 *
 * <p>Only {@link Accepted} authenticates the user; the caller must then store its step as the
 * factor's new last accepted step before answering, so that the code cannot be used again (RFC
 * 6238 §5.2). Two requests carrying the same code may be verified at once against the same last
 * step: the store must be conditional (only if the stored step is still the one verified
 * against), and the request that loses that race is a replay. {@link Replayed} and
 * {@link Rejected} are failed attempts and count towards the throttling that RFC 4226 §7.3 calls
 * for; {@link Locked} is that throttle, and {@link Malformed} is no code at all: neither
 * checked anything nor counts.
 */
public sealed interface TotpCheck {

    /** Applies the case for this variant. */
    <R> R fold(Cases<R> cases);

    /** Whether this verdict proves possession of the app: only {@link Accepted} does. */
    boolean authenticates();

    /** One method per variant: Java 17's compile-time exhaustive match over this sealed type. */
    interface Cases<R> {
        R accepted(Accepted check);

        R replayed(Replayed check);

        R rejected(Rejected check);

        R locked(Locked check);

        R malformed(Malformed check);
    }

    /**
     * The code is the one of {@code step}, inside the window and later than the last accepted
     * step. Codes of that step and of all earlier steps are refused from now on.
     *
     * @param step the time step the code belongs to, to record as the last accepted step
     */
    record Accepted(long step) implements TotpCheck {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.accepted(this);
        }

        @Override
        public boolean authenticates() {
            return true;
        }
    }

    /**
     * The code is the one of {@code step}, inside the window, but that step is not later than the
     * last accepted one: it was already used, or a later code was (RFC 6238 §5.2). Telling the
     * user to wait for the next code is safe: the attacker who replays a code has seen it anyway.
     *
     * @param step the time step the code belongs to
     */
    record Replayed(long step) implements TotpCheck {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.replayed(this);
        }

        @Override
        public boolean authenticates() {
            return false;
        }
    }

    /**
     * The code matches no step of the window. A code of a step outside the window is one: the
     * engine does not look beyond the window, so the answer cannot tell a future code from a wrong
     * one.
     */
    record Rejected() implements TotpCheck {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.rejected(this);
        }

        @Override
        public boolean authenticates() {
            return false;
        }
    }

    /**
     * Too many wrong codes in a row (RFC 4226 §7.3): no code is checked, not even a right one,
     * for {@code retryAfter}. Never answered by the engine itself, which keeps no state.
     */
    record Locked(Duration retryAfter) implements TotpCheck {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.locked(this);
        }

        @Override
        public boolean authenticates() {
            return false;
        }
    }

    /**
     * The text cannot be a code of this app: not ASCII digits, or not as many as the app's codes
     * have ({@code digits}, one count per app checked). Nothing was computed or compared, so it is
     * no guess and counts as no attempt; the expected format is no secret.
     */
    record Malformed(java.util.Set<Integer> digits) implements TotpCheck {
        public Malformed {
            digits = java.util.Set.copyOf(digits);
            if (digits.isEmpty()) {
                throw new IllegalArgumentException("a malformed code names the digits it should have");
            }
        }

        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.malformed(this);
        }

        @Override
        public boolean authenticates() {
            return false;
        }
    }
}
