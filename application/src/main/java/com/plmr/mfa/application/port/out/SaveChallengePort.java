package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.Challenge;

/**
 * Stores the next state of a challenge read with {@link LoadChallengePort#loadLocked} (or {@link
 * LockChallengeForVerifyPort}): one update of its state, never of the context it was opened with,
 * which may be sent with the transaction's other updates ({@link TransactionPort#combiningUpdates}).
 * A new challenge is added with {@link AddChallengePort}.
 */
public interface SaveChallengePort {

    void save(Challenge challenge);
}
