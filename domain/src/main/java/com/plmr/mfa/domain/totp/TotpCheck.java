package com.plmr.mfa.domain.totp;

/**
 * The outcome of {@link Totp#verify}: exactly one of three answers, each carrying only what its
 * caller needs to act on.
 *
 * <p>Only {@link Accepted} authenticates the user; the caller must then store its step as the
 * factor's new last accepted step before answering, so that the code cannot be used again (RFC
 * 6238 §5.2). Two requests carrying the same code may be verified at once against the same last
 * step: the store must be conditional (only if the stored step is still the one verified
 * against), and the request that loses that race is a replay. The two other answers are
 * failed attempts and count towards the throttling that RFC 4226 §7.3 calls for.
 */
public sealed interface TotpCheck {

    /**
     * The code is the one of {@code step}, inside the window and later than the last accepted
     * step. Codes of that step and of all earlier steps are refused from now on.
     *
     * @param step the time step the code belongs to, to record as the last accepted step
     */
    record Accepted(long step) implements TotpCheck {
    }

    /**
     * The code is the one of {@code step}, inside the window, but that step is not later than the
     * last accepted one: it was already used, or a later code was (RFC 6238 §5.2). Telling the
     * user to wait for the next code is safe: the attacker who replays a code has seen it anyway.
     *
     * @param step the time step the code belongs to
     */
    record Replayed(long step) implements TotpCheck {
    }

    /**
     * The code matches no step of the window, or is not a code of the expected length at all. A
     * code of a step outside the window is one of these: the engine does not look beyond the
     * window, so the answer cannot tell a future code from a wrong one.
     */
    record Rejected() implements TotpCheck {
    }
}
