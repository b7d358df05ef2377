package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.Requester;

/**
 * Who asked for a challenge, kept beside it from its creation: the step-up assertion is addressed
 * to that consumer and carries its nonce. Written once, in the transaction that creates the
 * challenge; never changed.
 */
public interface ChallengeRequesterPort {

    void remember(ChallengeId challenge, Requester requester);

    /** The requester of a stored challenge; one created before requesters were kept names no consumer. */
    Requester requesterOf(ChallengeId challenge);
}
