package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

/**
 * A user's phone number and e-mail address on record, which codes are delivered to. Users manage
 * their own; services need {@link Scopes#FACTORS_MANAGE}.
 */
public interface ManageContactUseCase {

    /** Sets or replaces the contact; the value must be valid for its kind (E.164, e-mail address). */
    Access<Contact> set(Actor actor, UserId user, ContactKind kind, String value);

    Access<Contact> read(Actor actor, UserId user, ContactKind kind);

    /** Removes the contact and answers it as it was. */
    Access<Contact> remove(Actor actor, UserId user, ContactKind kind);
}
