package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.factor.FactorKind;
import com.plmr.mfa.domain.factor.FactorReset;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What a reset of a user's factors needs from the store, on the caller's transaction. */
public interface ResetFactorsPort {

    /** The user's challenges still pending at {@code now}, oldest first, to be cancelled one by one under their locks. */
    List<ChallengeId> pendingChallengesOf(UserId user, Instant now);

    /** Deletes the user's factors of {@code kinds} (contacts, authenticator apps with their sealed secrets, recovery codes). */
    FactorReset.Removed removeFactors(UserId user, Set<FactorKind> kinds);
}
