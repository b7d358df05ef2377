package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;

import java.util.Optional;

/** Reads challenges. */
public interface LoadChallengePort {

    Optional<Challenge> load(ChallengeId id);

    /**
     * Reads a challenge and holds an exclusive lock on it until the surrounding transaction ends
     * ({@code SELECT ... FOR UPDATE}), so concurrent initiates and verifies, on any service
     * instance, apply their transitions one after the other to the latest state.
     */
    Optional<Challenge> loadLocked(ChallengeId id);
}
