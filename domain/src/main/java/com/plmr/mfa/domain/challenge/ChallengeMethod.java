package com.plmr.mfa.domain.challenge;

/**
 * The ways a user can answer a challenge: a code this service sends (its channel is a
 * {@code com.plmr.mfa.domain.delivery.Channel}), or a code of an authenticator app. E-mail is the lower-assurance method: NIST SP 800-63B §5.1.3.1 does not
 * accept e-mail as an out-of-band authenticator, so consumers decide per challenge whether to
 * allow it.
 */
public enum ChallengeMethod {
    SMS,
    EMAIL,
    APP;

    /** Whether the code is sent by this service (and so issued, hashed and expired by it). */
    public boolean isDelivered() {
        return this != APP;
    }
}
