package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.VerifyTotpRegistrationUseCase;
import com.plmr.mfa.application.port.in.VerifyTotpRegistrationUseCase.Result;
import com.plmr.mfa.application.port.out.ClockDriftPort;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;
import java.time.Instant;

/**
 * Activates a registration with a code of its app. The check, the compare-and-set of the accepted
 * step and the failure count share one transaction.
 */
public final class VerifyTotpRegistrationService implements VerifyTotpRegistrationUseCase {

    private final LoadTotpRegistrationsPort registrations;
    private final TotpAttempts attempts;
    private final TransactionPort transactions;
    private final Clock clock;

    public VerifyTotpRegistrationService(LoadTotpRegistrationsPort registrations, RecordTotpAttemptPort record,
                                         TransactionPort transactions, SecretSealer sealer, TotpPolicy policy,
                                         ClockDriftPort drift, Clock clock) {
        this.registrations = registrations;
        this.attempts = new TotpAttempts(registrations, record, sealer, policy, drift);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<Result> verify(Actor actor, Command command) {
        return FactorGate.enter(actor, command.user(), () -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            return registrations.registrationOf(command.user(), command.registration())
                    .map(registration -> attempts.settle(registration,
                            attempts.check(registration, command.code(), now), now));
        }));
    }
}
