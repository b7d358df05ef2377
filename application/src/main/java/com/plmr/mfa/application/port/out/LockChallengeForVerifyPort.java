package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.factor.TotpRegistration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a challenge for a verify together with its user's failure streak and, for an app code, the
 * user's authenticator-app registrations, all locked until the transaction ends: the challenge
 * first, then the streak, then the registrations, the one order every verify takes, so concurrent
 * verifies of one challenge are applied one after the other and those of one user's challenges are
 * counted one after the other, without deadlock. A store reads them in one round trip where it can:
 * a verify is the most frequent transaction under the challenge's lock.
 */
public interface LockChallengeForVerifyPort {

    /**
     * The challenge, its user's streak ({@link FailureStreak#none()} when none was recorded) and,
     * when {@code method} is {@link ChallengeMethod#APP}, the user's registrations (else none), or
     * empty when there is no such challenge.
     */
    Optional<ChallengeUnderVerify> lockForVerify(ChallengeId id, ChallengeMethod method);

    /**
     * A challenge, its user's failure streak and the user's registrations (oldest first, secrets
     * sealed; only those the verify asked for), all locked by the transaction that read them.
     */
    record ChallengeUnderVerify(Challenge challenge, FailureStreak streak, List<TotpRegistration> apps) {

        public ChallengeUnderVerify {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(streak, "streak");
            apps = List.copyOf(apps);
        }
    }
}
