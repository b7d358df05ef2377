package com.plmr.mfa.domain.user;

/** The contact factors a user can have on record, one of each. */
public enum ContactKind {
    PHONE,
    EMAIL;

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
