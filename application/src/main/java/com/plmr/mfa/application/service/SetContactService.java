package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.SetContactUseCase;
import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.PhoneNumbersPort;
import com.plmr.mfa.application.port.out.SaveContactPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.EmailAddress;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A new contact is created; a replaced one keeps when it was first set. A phone number is read by
 * its country's numbering plan ({@link PhoneNumbersPort}) and stored in E.164 form.
 */
public final class SetContactService implements SetContactUseCase {

    private final LoadContactPort load;
    private final SaveContactPort save;
    private final PhoneNumbersPort phones;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public SetContactService(LoadContactPort load, SaveContactPort save, PhoneNumbersPort phones,
                             TransactionPort transactions, AuditTrail audit, Clock clock) {
        this.load = load;
        this.save = save;
        this.phones = phones;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean accepts(ContactKind kind, String value) {
        return switch (kind) {
            case PHONE -> phones.normalise(value).isPresent();
            case EMAIL -> EmailAddress.isValid(value);
        };
    }

    @Override
    public Access<Contact> set(Actor actor, UserId user, ContactKind kind, String value) {
        String normalised = kind.normalise(kind == ContactKind.PHONE ? phones.normalise(value)
                .orElseThrow(() -> new IllegalArgumentException("not a valid phone number")) : value);
        return audit.refusedAccess(FactorGate.enter(actor, user, () -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<Contact> existing = load.load(user, kind);
            Contact contact = existing.map(found -> found.changedTo(normalised, now))
                    .orElseGet(() -> new Contact(user, kind, normalised, now, now));
            if (existing.isPresent()) {
                save.replace(contact);
            } else {
                save.add(contact);
            }
            audit.record(actor, existing.isPresent() ? AuditType.FACTOR_CHANGED : AuditType.FACTOR_ADDED, null,
                    ContactSubjects.of(user, kind).withMaskedDestination(contact.masked()));
            return Optional.of(contact);
        })), actor, AuditType.FACTOR_CHANGE_REFUSED, ContactSubjects.of(user, kind));
    }
}
