package com.plmr.mfa.domain.challenge;

import com.plmr.mfa.domain.user.ContactKind;

/**
 * The ways a user can answer a challenge. E-mail is the lower-assurance method: NIST SP 800-63B
 * §5.1.3.1 does not accept e-mail as an out-of-band authenticator, so consumers decide per
 * challenge whether to allow it.
 */
public enum ChallengeMethod {
    SMS,
    EMAIL,
    APP;

    /** Whether the code is sent by this service (and so issued, hashed and expired by it). */
    public boolean isDelivered() {
        return this != APP;
    }

    /** The contact a code of this method is delivered to; app codes are not delivered. */
    public ContactKind contactKind() {
        return switch (this) {
            case SMS -> ContactKind.PHONE;
            case EMAIL -> ContactKind.EMAIL;
            case APP -> throw new IllegalArgumentException("app codes are not delivered");
        };
    }
}
