package com.plmr.mfa.domain.challenge;

/**
 * The verify attempts of a challenge, shared by all its methods: how many wrong codes were
 * presented and how many the challenge tolerates. The budget bounds the guesses an attacker gets
 * (RFC 4226 §7.3); spending the last attempt locks the challenge.
 *
 * <p>Invariant: {@code 0 <= used <= max}.
 */
public record AttemptBudget(int used, int max) {

    public AttemptBudget {
        if (used < 0 || used > max) {
            throw new IllegalArgumentException("attempts used must be within the budget");
        }
    }

    /** A budget of {@code max} attempts with none spent. */
    public static AttemptBudget of(int max) {
        return new AttemptBudget(0, max);
    }

    public int remaining() {
        return max - used;
    }

    /** The budget after one more wrong code. */
    AttemptBudget spend() {
        return new AttemptBudget(used + 1, max);
    }

    public boolean isSpent() {
        return used >= max;
    }
}
