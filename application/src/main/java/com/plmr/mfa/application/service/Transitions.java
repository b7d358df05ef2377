package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.domain.challenge.Transition;

/** Stores the next state of every outcome that moved a challenge, and only those. */
final class Transitions {

    private Transitions() {
    }

    static <O> O stored(O outcome, SaveChallengePort save) {
        if (outcome instanceof Transition transition) {
            save.save(transition.challenge());
        }
        return outcome;
    }
}
