package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.GenerateRecoveryCodesUseCase;
import com.plmr.mfa.application.port.in.ListFactorsUseCase;
import com.plmr.mfa.application.port.in.ReadRecoveryCodesUseCase;
import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.LoadRecoveryCodesPort;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.ReplaceRecoveryCodesPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.application.port.out.UseRecoveryCodePort;
import com.plmr.mfa.application.service.AuditTrail;
import com.plmr.mfa.application.service.CheckRecoveryCodeService;
import com.plmr.mfa.application.service.GenerateRecoveryCodesService;
import com.plmr.mfa.application.service.ListFactorsService;
import com.plmr.mfa.application.service.ReadRecoveryCodesService;
import com.plmr.mfa.application.service.RecoveryCodeCheck;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.recovery.RecoveryCodePolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.random.RandomGenerator;

/** Builds the recovery-code services (generation, count, their use on challenges) and the factor inventory from the adapters' ports and {@code mfa.recovery-codes.*}. */
@Factory
class RecoveryCodesFactory {

    @Singleton
    RecoveryCodePolicy recoveryCodePolicy(Settings settings) {
        return settings.build(values -> new RecoveryCodePolicy(values.integer("codes", "mfa.recovery-codes.count")));
    }

    @Singleton
    GenerateRecoveryCodesUseCase generateRecoveryCodes(ReplaceRecoveryCodesPort store, TransactionPort tx,
                                                       CodeHasher hasher, RecoveryCodePolicy policy, AuditTrail audit,
                                                       Clock clock, RandomGenerator random) {
        return new GenerateRecoveryCodesService(store, tx, hasher, policy, audit, clock, random);
    }

    @Singleton
    ReadRecoveryCodesUseCase readRecoveryCodes(LoadRecoveryCodesPort load, TransactionPort tx) {
        return new ReadRecoveryCodesService(load, tx);
    }

    @Singleton
    RecoveryCodeCheck recoveryCodeCheck(LoadRecoveryCodesPort load, UseRecoveryCodePort use, CodeHasher hasher,
                                        AuditTrail audit) {
        return new CheckRecoveryCodeService(load, use, hasher, audit);
    }

    @Singleton
    ListFactorsUseCase listFactors(LoadContactPort contacts, LoadTotpRegistrationsPort apps,
                                   LoadRecoveryCodesPort recoveryCodes, TransactionPort tx) {
        return new ListFactorsService(contacts, apps, recoveryCodes, tx);
    }
}
