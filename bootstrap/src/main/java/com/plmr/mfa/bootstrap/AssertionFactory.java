package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.ReadAssertionKeysUseCase;
import com.plmr.mfa.application.port.out.SignAssertionPort;
import com.plmr.mfa.application.service.ReadAssertionKeysService;
import com.plmr.mfa.domain.assertion.AssertionPolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * The step-up assertion's settings ({@code mfa.assertion.*}): its issuer and lifetime, and the
 * keys it is signed with; development keys are generated only in the dev and test environments.
 */
@Factory
class AssertionFactory {

    @Singleton
    AssertionPolicy assertionPolicy(Settings settings) {
        return settings.build(values -> new AssertionPolicy(
                values.text("issuer", "mfa.assertion.issuer"),
                values.duration("lifetime", "mfa.assertion.lifetime")));
    }

    @Singleton
    AssertionKeyRing assertionKeys(Settings settings, Environment environment) {
        return settings.build(values ->
                AssertionKeyRing.of(values.secret("keys", "mfa.assertion.keys"), Keys.development(environment)));
    }

    @Singleton
    SignAssertionPort assertionSigner(AssertionKeyRing keys) {
        return new JwsAssertionSigner(keys);
    }

    @Singleton
    ReadAssertionKeysUseCase readAssertionKeys(SignAssertionPort signer) {
        return new ReadAssertionKeysService(signer);
    }
}
