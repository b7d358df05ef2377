package com.plmr.mfa.domain.recovery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What may be told about a user's recovery codes: how many are left of how many, when the set was
 * generated and when a code of it was last used. Never a code.
 *
 * <p>Invariant: {@code 0 <= remaining <= generated}, {@code generated >= 1}.
 */
public record RecoveryCodeSummary(int remaining, int generated, Instant created, Optional<Instant> lastUsed) {

    public RecoveryCodeSummary {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastUsed, "lastUsed");
        if (generated < 1 || remaining < 0 || remaining > generated) {
            throw new IllegalArgumentException("0 <= remaining <= generated, and a set has a code");
        }
    }

    /** Whether a code of the set can still answer a challenge. */
    public boolean anyLeft() {
        return remaining > 0;
    }

    /** When the set last changed: its last use, else its generation. */
    public Instant changed() {
        return lastUsed.orElse(created);
    }
}
