package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

/** Reads a user's phone number or e-mail address. Users read their own; services need {@link Scopes#FACTORS_MANAGE}. */
public interface ReadContactUseCase {

    /** Not found when the user has no contact of this kind. */
    Access<Contact> read(Actor actor, UserId user, ContactKind kind);
}
