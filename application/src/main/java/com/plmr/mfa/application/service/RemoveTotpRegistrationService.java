package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.RemoveTotpRegistrationUseCase;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.RemoveTotpRegistrationPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;

public final class RemoveTotpRegistrationService implements RemoveTotpRegistrationUseCase {

    private final LoadTotpRegistrationsPort load;
    private final RemoveTotpRegistrationPort remove;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public RemoveTotpRegistrationService(LoadTotpRegistrationsPort load, RemoveTotpRegistrationPort remove,
                                         TransactionPort transactions, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.load = load;
        this.remove = remove;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<TotpRegistration> remove(Actor actor, UserId user, TotpRegistrationId registration) {
        Subject subject = Subject.user(user.value()).withFactor(registration.value()).withMethod(ChallengeMethod.APP);
        return FactorGate.change(actor, user, audit, AuditType.FACTOR_CHANGE_REFUSED, subject,
                () -> transactions.inTransaction(() -> load.registrationOf(user, registration)
                        .filter(found -> remove.remove(found.id()))
                        .map(found -> {
                            audit.record(actor, AuditType.FACTOR_REMOVED, null, subject);
                            return found;
                        })
                        .map(found -> new TotpRegistration(found.id(), found.userId(), found.state(),
                                found.parameters(), found.issuer(), found.accountName(), found.secret(),
                                found.lastAcceptedStep(), found.consecutiveFailures(), found.lockedUntil(),
                                found.created(), clock.instant()))));
    }
}
