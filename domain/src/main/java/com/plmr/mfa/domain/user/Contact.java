package com.plmr.mfa.domain.user;

import java.time.Instant;
import java.util.Objects;

/** A user's phone number or e-mail address on record, with when it was first set and last changed. */
public record Contact(UserId userId, ContactKind kind, String value, Instant created, Instant changed) {

    public Contact {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        value = kind.normalise(value);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(changed, "changed");
    }

    /** The contact with a new value, keeping when it was first set. */
    public Contact changedTo(String newValue, Instant now) {
        return new Contact(userId, kind, newValue, created, now);
    }

    /** The contact as it was, stamped with when it was removed. */
    public Contact removedAt(Instant now) {
        return new Contact(userId, kind, value, created, now);
    }

    public String masked() {
        return kind.mask(value);
    }

    @Override
    public String toString() {
        return "Contact[" + userId + ", " + kind + ", " + masked() + "]";
    }
}
