package com.plmr.mfa.domain.delivery;

import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.user.ContactKind;

/**
 * The ways this service sends a code to a user: the delivered challenge methods, the outbox's
 * channels and the senders' keys are all this one concept. Each channel sends the codes of one
 * challenge method and reaches one kind of contact on record.
 */
public enum Channel {
    SMS(ChallengeMethod.SMS, ContactKind.PHONE),
    EMAIL(ChallengeMethod.EMAIL, ContactKind.EMAIL);

    private final ChallengeMethod method;
    private final ContactKind contactKind;

    Channel(ChallengeMethod method, ContactKind contactKind) {
        this.method = method;
        this.contactKind = contactKind;
    }

    /** The channel that sends the codes of {@code method}; app codes are not sent. */
    public static Channel of(ChallengeMethod method) {
        for (Channel channel : values()) {
            if (channel.method == method) {
                return channel;
            }
        }
        throw new IllegalArgumentException(method + " codes are not delivered");
    }

    /** The challenge method whose codes this channel sends. */
    public ChallengeMethod method() {
        return method;
    }

    /** The contact a message of this channel is sent to. */
    public ContactKind contactKind() {
        return contactKind;
    }
}
