package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.user.UserId;

/**
 * A user's consecutive verify failures across challenges, shared by every instance. Used inside
 * the verify transaction: {@link #lock} holds the user's streak until the transaction ends, so
 * concurrent verifies of one user's challenges are counted one after the other.
 */
public interface FailureLedgerPort {

    /** The user's streak, locked for the rest of the transaction ({@link FailureStreak#none()} when none). */
    FailureStreak lock(UserId user);

    void record(UserId user, FailureStreak streak);
}
