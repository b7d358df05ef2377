package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.service.AuthenticatorCodeCheck;
import com.plmr.mfa.domain.challenge.CodeMatch;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class TotpFactory {
    @Singleton
    AuthenticatorCodeCheck authenticatorCodeCheck() {
        return (user, code, now) -> CodeMatch.NO_FACTOR;
    }
}
