package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

import java.util.Optional;

/** A user's contact of one kind, where a code of its method is delivered; a user has one of each. */
public interface LoadContactPort {

    Optional<Contact> load(UserId user, ContactKind kind);
}
