package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.RemoveContactUseCase;
import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.RemoveContactPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;
import java.util.Optional;

/**
 * Reads the contact for the answer, then deletes it with one counted statement: the removal that
 * did not delete the row (a concurrent one did) answers not found, so exactly one caller is told
 * it removed the contact.
 */
public final class RemoveContactService implements RemoveContactUseCase {

    private final LoadContactPort load;
    private final RemoveContactPort remove;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public RemoveContactService(LoadContactPort load, RemoveContactPort remove, TransactionPort transactions,
                                AuditTrail audit, Clock clock) {
        this.load = load;
        this.remove = remove;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Access<Contact> remove(Actor actor, UserId user, ContactKind kind) {
        return audit.refusedAccess(FactorGate.enter(actor, user, () -> transactions.inTransaction(() -> {
            Optional<Contact> existing = load.load(user, kind);
            if (existing.isEmpty() || !remove.remove(user, kind)) {
                return Optional.empty();
            }
            audit.record(actor, AuditType.FACTOR_REMOVED, null,
                    ContactSubjects.of(user, kind).withMaskedDestination(existing.get().masked()));
            return Optional.of(existing.get().removedAt(clock.instant()));
        })), actor, AuditType.FACTOR_CHANGE_REFUSED, ContactSubjects.of(user, kind));
    }
}
