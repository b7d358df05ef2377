package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

import java.util.Optional;

/** A user's phone number and e-mail address on record. */
public interface ContactPort {

    Optional<Contact> find(UserId user, ContactKind kind);

    void save(Contact contact);

    /** @return whether there was a contact to remove */
    boolean remove(UserId user, ContactKind kind);
}
