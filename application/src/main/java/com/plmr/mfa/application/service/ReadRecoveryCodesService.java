package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ReadRecoveryCodesUseCase;
import com.plmr.mfa.application.port.out.LoadRecoveryCodesPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

/** Reads the state of a user's recovery codes in a transaction of its own: the set and its uses as of one moment. */
public final class ReadRecoveryCodesService implements ReadRecoveryCodesUseCase {

    private final LoadRecoveryCodesPort load;
    private final TransactionPort transactions;

    public ReadRecoveryCodesService(LoadRecoveryCodesPort load, TransactionPort transactions) {
        this.load = load;
        this.transactions = transactions;
    }

    @Override
    public Access<RecoveryCodeSummary> read(Actor actor, UserId user) {
        return FactorGate.enter(actor, user, () -> transactions.inTransaction(() -> load.summaryOf(user)));
    }
}
