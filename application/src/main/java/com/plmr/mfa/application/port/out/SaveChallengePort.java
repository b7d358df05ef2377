package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.Challenge;

/** Stores a new challenge or the next state of one read with {@link LoadChallengePort#loadLocked}. */
public interface SaveChallengePort {

    void save(Challenge challenge);
}
