package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

/**
 * Sets or replaces a user's phone number or e-mail address, where codes are delivered. Users set
 * their own; services need {@link Scopes#FACTORS_MANAGE}.
 */
public interface SetContactUseCase {

    /**
     * @param value valid for its kind (E.164, e-mail address), else IllegalArgumentException
     * @return the contact as stored, normalised, with when it was first set and last changed
     */
    Access<Contact> set(Actor actor, UserId user, ContactKind kind, String value);
}
