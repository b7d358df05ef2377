package com.plmr.mfa.domain.user;

import com.plmr.mfa.domain.challenge.ChallengeMethod;

/** The contact factors a user can have on record, one of each. */
public enum ContactKind {
    PHONE,
    EMAIL;

    public static ContactKind deliveringFor(ChallengeMethod method) {
        return switch (method) {
            case SMS -> PHONE;
            case EMAIL -> EMAIL;
            case APP -> throw new IllegalArgumentException("app codes are not delivered");
        };
    }

    /** Checks and normalises a value of this kind; throws IllegalArgumentException when invalid. */
    public String normalise(String value) {
        return switch (this) {
            case PHONE -> new PhoneNumber(value).e164();
            case EMAIL -> new EmailAddress(value).value();
        };
    }

    public String mask(String value) {
        return switch (this) {
            case PHONE -> new PhoneNumber(value).masked();
            case EMAIL -> new EmailAddress(value).masked();
        };
    }
}
