package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.Contact;

/**
 * Stores a user's contact of a kind: a first one is added, a later one replaces the stored one.
 * The caller knows which (it read the contact in the same transaction), so neither asks the store
 * first.
 */
public interface SaveContactPort {

    void add(Contact contact);

    void replace(Contact contact);
}
