package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.crypto.SealedSecret;
import com.plmr.mfa.domain.factor.RegistrationState;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A registration as stored; {@code lastAcceptedStep} is NULL for {@link Totp#NEVER}; {@code lockouts} since the last accepted code. */
@MappedEntity("totp_registration")
record TotpRegistrationRow(
        @Id String id,
        String userId,
        String state,
        String algorithm,
        int digits,
        int periodSeconds,
        int windowSteps,
        String issuer,
        String accountName,
        String secretKeyId,
        byte[] secretCiphertext,
        @Nullable Long lastAcceptedStep,
        int consecutiveFailures,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        Instant changedAt,
        int lockouts) {

    static TotpRegistrationRow of(TotpRegistration registration) {
        TotpParameters parameters = registration.parameters();
        return new TotpRegistrationRow(registration.id().value(), registration.userId().value(),
                registration.state().name(), parameters.algorithm().name(), parameters.digits(),
                Math.toIntExact(parameters.periodSeconds()), parameters.window(), registration.issuer(),
                registration.accountName(), registration.secret().keyId(), registration.secret().ciphertext(),
                step(registration.lastAcceptedStep()), registration.consecutiveFailures(),
                registration.lockedUntil().orElse(null), registration.created(), registration.changed(),
                registration.lockouts());
    }

    TotpRegistration toDomain() {
        return new TotpRegistration(new TotpRegistrationId(id), new UserId(userId), RegistrationState.valueOf(state),
                new TotpParameters(HmacAlgorithm.valueOf(algorithm), digits, Duration.ofSeconds(periodSeconds),
                        windowSteps),
                issuer, accountName, new SealedSecret(secretKeyId, secretCiphertext),
                lastAcceptedStep == null ? Totp.NEVER : lastAcceptedStep, consecutiveFailures,
                Optional.ofNullable(lockedUntil), createdAt, changedAt, lockouts);
    }

    @Nullable
    static Long step(long lastAcceptedStep) {
        return lastAcceptedStep == Totp.NEVER ? null : lastAcceptedStep;
    }
}
