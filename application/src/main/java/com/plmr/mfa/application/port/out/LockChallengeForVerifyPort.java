package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;

import java.util.Objects;
import java.util.Optional;

/**
 * Reads a challenge for a verify together with its user's failure streak, both locked until the
 * transaction ends: the challenge first, then the streak, the one order every verify takes, so
 * concurrent verifies of one challenge are applied one after the other and those of one user's
 * challenges are counted one after the other, without deadlock. A store reads both in one round
 * trip where it can: a verify is the most frequent transaction under the challenge's lock.
 */
public interface LockChallengeForVerifyPort {

    /** The challenge and its user's streak ({@link FailureStreak#none()} when none was recorded), or empty. */
    Optional<ChallengeUnderVerify> lockForVerify(ChallengeId id);

    /** A challenge and its user's failure streak, both locked by the transaction that read them. */
    record ChallengeUnderVerify(Challenge challenge, FailureStreak streak) {

        public ChallengeUnderVerify {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(streak, "streak");
        }
    }
}
