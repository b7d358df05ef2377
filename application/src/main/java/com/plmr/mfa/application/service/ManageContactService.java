package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ManageContactUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.ContactPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

public final class ManageContactService implements ManageContactUseCase {

    private final ContactPort contacts;
    private final TransactionPort transactions;
    private final Clock clock;

    public ManageContactService(ContactPort contacts, TransactionPort transactions, Clock clock) {
        this.contacts = contacts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<Contact> set(Actor actor, UserId user, ContactKind kind, String value) {
        String normalised = kind.normalise(value);
        return allowed(actor, user, () -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Contact contact = contacts.find(user, kind)
                    .map(existing -> existing.changedTo(normalised, now))
                    .orElseGet(() -> new Contact(user, kind, normalised, now, now));
            contacts.save(contact);
            return Optional.of(contact);
        }));
    }

    @Override
    public Access<Contact> read(Actor actor, UserId user, ContactKind kind) {
        return allowed(actor, user, () -> contacts.find(user, kind));
    }

    @Override
    public Access<Contact> remove(Actor actor, UserId user, ContactKind kind) {
        return allowed(actor, user, () -> transactions.inTransaction(() -> {
            Optional<Contact> existing = contacts.find(user, kind);
            existing.ifPresent(contact -> contacts.remove(user, kind));
            return existing.map(contact -> new Contact(user, kind, contact.value(), contact.created(), clock.instant()));
        }));
    }

    private static Access<Contact> allowed(Actor actor, UserId user, Supplier<Optional<Contact>> work) {
        if (!actor.mayActFor(user, Scopes.FACTORS_MANAGE)) {
            return actor instanceof Actor.User ? new Access.SubjectMismatch<>() : new Access.Forbidden<>();
        }
        return work.get().<Access<Contact>>map(Access::granted).orElseGet(Access.NotFound::new);
    }
}
