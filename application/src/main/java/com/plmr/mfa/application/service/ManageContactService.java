package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ManageContactUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.ContactPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

public final class ManageContactService implements ManageContactUseCase {

    private final ContactPort contacts;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public ManageContactService(ContactPort contacts, TransactionPort transactions, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.contacts = contacts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<Contact> set(Actor actor, UserId user, ContactKind kind, String value) {
        String normalised = kind.normalise(value);
        return audited(actor, user, kind, () -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<Contact> existing = contacts.find(user, kind);
            Contact contact = existing.map(found -> found.changedTo(normalised, now))
                    .orElseGet(() -> new Contact(user, kind, normalised, now, now));
            contacts.save(contact);
            audit.record(actor, existing.isPresent() ? AuditType.FACTOR_CHANGED : AuditType.FACTOR_ADDED, null,
                    subject(user, kind).withMaskedDestination(contact.masked()));
            return Optional.of(contact);
        }));
    }

    @Override
    public Access<Contact> read(Actor actor, UserId user, ContactKind kind) {
        return allowed(actor, user, () -> contacts.find(user, kind));
    }

    @Override
    public Access<Contact> remove(Actor actor, UserId user, ContactKind kind) {
        return audited(actor, user, kind, () -> transactions.inTransaction(() -> {
            Optional<Contact> existing = contacts.find(user, kind);
            existing.ifPresent(contact -> {
                contacts.remove(user, kind);
                audit.record(actor, AuditType.FACTOR_REMOVED, null,
                        subject(user, kind).withMaskedDestination(contact.masked()));
            });
            return existing.map(contact -> new Contact(user, kind, contact.value(), contact.created(), clock.instant()));
        }));
    }

    /** A change of a contact: its refusals are recorded, like those of the authenticator apps. */
    private Access<Contact> audited(Actor actor, UserId user, ContactKind kind, Supplier<Optional<Contact>> work) {
        return audit.refusedAccess(allowed(actor, user, work), actor, AuditType.FACTOR_CHANGE_REFUSED,
                subject(user, kind));
    }

    /** A contact is named by its kind ({@code phone}, {@code email}): a user has one of each. */
    private static Subject subject(UserId user, ContactKind kind) {
        return Subject.user(user.value()).withFactor(kind.name().toLowerCase(Locale.ROOT))
                .withMethod(kind == ContactKind.PHONE ? ChallengeMethod.SMS : ChallengeMethod.EMAIL);
    }

    private static Access<Contact> allowed(Actor actor, UserId user, Supplier<Optional<Contact>> work) {
        if (!actor.mayActFor(user, Scopes.FACTORS_MANAGE)) {
            return actor instanceof Actor.User ? new Access.SubjectMismatch<>() : new Access.Forbidden<>();
        }
        return work.get().<Access<Contact>>map(Access::granted).orElseGet(Access.NotFound::new);
    }
}
