package com.plmr.mfa.domain.challenge;

/**
 * An outcome that moved the challenge to a next state, which the caller must store. Outcomes
 * that do not implement it left the challenge as it was.
 */
public interface Transition {

    Challenge challenge();
}
