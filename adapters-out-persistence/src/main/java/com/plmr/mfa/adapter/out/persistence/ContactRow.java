package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A user's contact; {@code id} is {@code "<user id>/<kind>"}, so a user has one of each kind. The
 * one place where a contact becomes a row and back.
 */
@MappedEntity("user_contact")
record ContactRow(@Id String id, String userId, String kind, String value, Instant createdAt, Instant changedAt) {

    static String idOf(UserId user, ContactKind kind) {
        return user.value() + "/" + kind.name();
    }

    static ContactRow of(Contact contact) {
        return new ContactRow(idOf(contact.userId(), contact.kind()), contact.userId().value(), contact.kind().name(),
                contact.value(), contact.created(), contact.changed());
    }

    Contact toContact() {
        return new Contact(new UserId(userId), ContactKind.valueOf(kind), value, createdAt, changedAt);
    }
}
