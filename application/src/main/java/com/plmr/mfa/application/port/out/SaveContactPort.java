package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.Contact;

/** Stores a contact, replacing the user's contact of its kind. */
public interface SaveContactPort {

    void save(Contact contact);
}
