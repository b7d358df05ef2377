package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.VerifyTotpRegistrationUseCase;
import com.plmr.mfa.application.port.in.VerifyTotpRegistrationUseCase.Result;
import com.plmr.mfa.application.port.out.ClockDriftPort;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;
import java.time.Instant;

/**
 * Activates a registration with a code of its app. The check, the compare-and-set of the accepted
 * step and the failure count share one transaction. A registration whose enrolment ran out is
 * unknown, as it will be once purged.
 */
public final class VerifyTotpRegistrationService implements VerifyTotpRegistrationUseCase {

    private final LoadTotpRegistrationsPort registrations;
    private final TotpAttempts attempts;
    private final TotpPolicy policy;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public VerifyTotpRegistrationService(LoadTotpRegistrationsPort registrations, RecordTotpAttemptPort record,
                                         TransactionPort transactions, SecretSealer sealer, TotpPolicy policy,
                                         ClockDriftPort drift, AuditTrail audit, Clock clock) {
        this.registrations = registrations;
        this.attempts = new TotpAttempts(record, sealer, policy, drift, audit);
        this.policy = policy;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Access<Result> verify(Actor actor, Command command) {
        Subject subject = Subject.none().withFactor(command.registration().value()).withMethod(ChallengeMethod.APP);
        return FactorGate.change(actor, command.user(), audit, AuditType.FACTOR_VERIFY_REFUSED, subject,
                () -> transactions.inTransaction(() -> {
                    Instant now = clock.instant();
                    return registrations.lockedRegistrationOf(command.user(), command.registration())
                            .filter(registration -> !registration.expiredAt(policy, now))
                            .map(registration -> attempts.settle(actor, registration,
                                    attempts.check(registration, command.code(), now), now))
                            .map(result -> recorded(actor, result, subject.withUser(command.user().value())));
                }));
    }

    private Result recorded(Actor actor, Result result, Subject subject) {
        AuditReason refusal = result.check().fold(new TotpCheck.Cases<>() {
            @Override
            public AuditReason accepted(TotpCheck.Accepted accepted) {
                return null;
            }

            @Override
            public AuditReason replayed(TotpCheck.Replayed replayed) {
                return AuditReason.CODE_REPLAYED;
            }

            @Override
            public AuditReason rejected(TotpCheck.Rejected rejected) {
                return AuditReason.CODE_WRONG;
            }

            @Override
            public AuditReason locked(TotpCheck.Locked locked) {
                return AuditReason.APP_LOCKED;
            }

            @Override
            public AuditReason malformed(TotpCheck.Malformed malformed) {
                return AuditReason.CODE_MALFORMED;
            }
        });
        audit.record(actor, refusal == null ? AuditType.FACTOR_VERIFIED : AuditType.FACTOR_VERIFY_REFUSED, refusal,
                subject);
        return result;
    }
}
