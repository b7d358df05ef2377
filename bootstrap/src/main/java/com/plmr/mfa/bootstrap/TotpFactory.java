package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.ListTotpRegistrationsUseCase;
import com.plmr.mfa.application.port.in.RemoveTotpRegistrationUseCase;
import com.plmr.mfa.application.port.in.StartTotpRegistrationUseCase;
import com.plmr.mfa.application.port.in.VerifyTotpRegistrationUseCase;
import com.plmr.mfa.application.port.out.AddTotpRegistrationPort;
import com.plmr.mfa.application.port.out.ClockDriftPort;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.application.port.out.RemoveTotpRegistrationPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.application.service.AuditTrail;
import com.plmr.mfa.application.service.AuthenticatorCodeCheck;
import com.plmr.mfa.application.service.CheckAuthenticatorCodeService;
import com.plmr.mfa.application.service.ListTotpRegistrationsService;
import com.plmr.mfa.application.service.RemoveTotpRegistrationService;
import com.plmr.mfa.application.service.StartTotpRegistrationService;
import com.plmr.mfa.application.service.VerifyTotpRegistrationService;
import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.random.RandomGenerator;

/** Builds the authenticator-app (TOTP) services from the adapters' ports and {@code mfa.totp.*}. */
@Factory
class TotpFactory {

    @Singleton
    TotpPolicy totpPolicy(Settings settings) {
        return settings.build(values -> new TotpPolicy(values.text("issuer", "mfa.totp.issuer"),
                new TotpParameters(HmacAlgorithm.fromOtpauthName(values.text("algorithm", "mfa.totp.algorithm")),
                        values.integer("digits", "mfa.totp.digits"), values.duration("period", "mfa.totp.period"),
                        values.integer("window", "mfa.totp.window")),
                values.integer("maxFailures", "mfa.totp.max-failures"), values.duration("lockout", "mfa.totp.lockout"),
                values.duration("maxLockout", "mfa.totp.max-lockout"),
                values.duration("enrolmentTtl", "mfa.totp.enrolment-ttl")));
    }

    @Singleton
    StartTotpRegistrationUseCase startTotpRegistration(AddTotpRegistrationPort add, TransactionPort tx,
                                                       SecretSealer sealer, TotpPolicy policy, AuditTrail audit,
                                                       Clock clock, RandomGenerator random) {
        return new StartTotpRegistrationService(add, tx, sealer, policy, audit, clock, random);
    }

    @Singleton
    VerifyTotpRegistrationUseCase verifyTotpRegistration(LoadTotpRegistrationsPort load, RecordTotpAttemptPort record,
                                                         TransactionPort tx, SecretSealer sealer, TotpPolicy policy,
                                                         ClockDriftPort drift, AuditTrail audit, Clock clock) {
        return new VerifyTotpRegistrationService(load, record, tx, sealer, policy, drift, audit, clock);
    }

    @Singleton
    RemoveTotpRegistrationUseCase removeTotpRegistration(LoadTotpRegistrationsPort load,
                                                         RemoveTotpRegistrationPort remove, TransactionPort tx,
                                                         AuditTrail audit, Clock clock) {
        return new RemoveTotpRegistrationService(load, remove, tx, audit, clock);
    }

    @Singleton
    ListTotpRegistrationsUseCase listTotpRegistrations(LoadTotpRegistrationsPort load, TotpPolicy policy,
                                                       Clock clock) {
        return new ListTotpRegistrationsService(load, policy, clock);
    }

    @Singleton
    AuthenticatorCodeCheck authenticatorCodeCheck(RecordTotpAttemptPort record, SecretSealer sealer, TotpPolicy policy,
                                                  ClockDriftPort drift, AuditTrail audit) {
        return new CheckAuthenticatorCodeService(record, sealer, policy, drift, audit);
    }
}
