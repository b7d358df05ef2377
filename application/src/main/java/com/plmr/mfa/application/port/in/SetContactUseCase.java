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
     * Whether {@code value} is a contact of the kind this service can store: a phone number valid in
     * its country's numbering plan, written internationally ({@code +4915112345678}, separators
     * allowed), or an e-mail address.
     */
    boolean accepts(ContactKind kind, String value);

    /**
     * @param value {@linkplain #accepts accepted} for its kind, else IllegalArgumentException; a phone
     *              number is stored in E.164 form
     * @return the contact as stored, normalised, with when it was first set and last changed
     */
    Access<Contact> set(Actor actor, UserId user, ContactKind kind, String value);
}
