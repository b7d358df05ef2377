package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.Challenge;

/** Keeps a newly opened challenge, its step-up context with it; its id is new, so it never replaces one. */
public interface AddChallengePort {

    void add(Challenge challenge);
}
