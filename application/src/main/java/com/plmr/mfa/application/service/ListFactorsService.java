package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ListFactorsUseCase;
import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.LoadRecoveryCodesPort;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;

import java.util.Optional;

/** Reads every factor of a user in one transaction, so the inventory is one consistent moment. */
public final class ListFactorsService implements ListFactorsUseCase {

    private final LoadContactPort contacts;
    private final LoadTotpRegistrationsPort apps;
    private final LoadRecoveryCodesPort recoveryCodes;
    private final TransactionPort transactions;

    public ListFactorsService(LoadContactPort contacts, LoadTotpRegistrationsPort apps,
                              LoadRecoveryCodesPort recoveryCodes, TransactionPort transactions) {
        this.contacts = contacts;
        this.apps = apps;
        this.recoveryCodes = recoveryCodes;
        this.transactions = transactions;
    }

    @Override
    public Access<Factors> list(Actor actor, UserId user) {
        return FactorGate.enter(actor, user, () -> Optional.of(transactions.inTransaction(() -> new Factors(user,
                contacts.load(user, ContactKind.PHONE), contacts.load(user, ContactKind.EMAIL),
                apps.registrationsOf(user), recoveryCodes.summaryOf(user)))));
    }
}
