package com.plmr.mfa.domain.challenge;

/**
 * The ways a user can answer a challenge: a code this service sends (its channel is a
 * {@code com.plmr.mfa.domain.delivery.Channel}), a code of an authenticator app, or one of the user's
 * recovery codes. E-mail is the lower-assurance method: NIST SP 800-63B §5.1.3.1 does not
 * accept e-mail as an out-of-band authenticator, so consumers decide per challenge whether to
 * allow it. A recovery code stands in for a lost phone or app; it answers only a challenge whose
 * consumer asked for it, never one that named no methods.
 */
public enum ChallengeMethod {
    SMS,
    EMAIL,
    APP,
    RECOVERY;

    /** Whether the code is sent by this service (and so issued, hashed and expired by it). */
    public boolean isDelivered() {
        return this == SMS || this == EMAIL;
    }

    /** Whether a challenge that names no methods allows this one: all but recovery codes. */
    public boolean isAllowedByDefault() {
        return this != RECOVERY;
    }
}
