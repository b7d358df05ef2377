package com.plmr.mfa.domain.totp;

/**
 * The outcome of {@link Totp#verify}: exactly one of four answers, each carrying only what its
 * caller needs to act on.
 *
 * <p>Only {@link Accepted} authenticates the user; the caller must then store its step as the
 * factor's new last accepted step before answering, so that the code cannot be used again (RFC
 * 6238 §5.2). Two requests carrying the same code may be verified at once against the same last
 * step: the store must be conditional (only if the stored step is still the one verified
 * against), and the request that loses that race is a replay. The three other answers are
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
     * The code is outside the window but is the one of a step {@code stepsOff} away from the
     * current one: negative when the device clock is behind, positive when it is ahead. Lets the
     * service answer "check your device clock" (RFC 6238 §6) without accepting anything.
     *
     * <p>A positive offset reveals that the candidate will be a valid code {@code stepsOff} steps
     * from now; an online guesser who hits one learns a future code. The caller must count this
     * answer as a failed attempt, and should show only the hint, never the offset, to the user.
     *
     * @param stepsOff the signed distance, in steps, from the current step to the matching one
     */
    record OutOfWindow(long stepsOff) implements TotpCheck {
    }

    /** The code matches no step near now, or is not a code of the expected length at all. */
    record Rejected() implements TotpCheck {
    }
}
