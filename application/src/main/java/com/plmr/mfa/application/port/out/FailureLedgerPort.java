package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.user.UserId;

/**
 * A user's consecutive verify failures across challenges, shared by every instance. Used inside
 * the verify transaction, which read and locked the streak with the challenge
 * ({@link LockChallengeForVerifyPort}), so concurrent verifies of one user's challenges are counted
 * one after the other.
 */
public interface FailureLedgerPort {

    /**
     * Stores the streak read with {@link LockChallengeForVerifyPort#lockForVerify} as it now stands,
     * with the transaction's other updates where they are combined ({@link TransactionPort#combiningUpdates}).
     */
    void record(UserId user, FailureStreak streak);
}
