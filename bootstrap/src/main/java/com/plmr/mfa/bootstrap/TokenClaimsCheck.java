package com.plmr.mfa.bootstrap;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Refuses a bearer token that is not yet valid ({@code nbf} later than now plus the leeway), comes
 * from another issuer or is meant for another audience, when those are configured. The issuer is
 * compared exactly: the framework's own issuer check accepts any suffix of the configured issuer
 * ({@code example.com} for {@code https://idp.example.com}).
 */
@Singleton
class TokenClaimsCheck implements GenericJwtClaimsValidator<HttpRequest<?>> {

    /**
     * A token's times are judged by the wall clock, as the identity provider stamps them; the
     * injected {@code Clock} is the time of challenges and codes, which tests move.
     */
    private static final Clock TOKEN_TIME = Clock.systemUTC();
    private final TokenRules rules;

    TokenClaimsCheck(TokenRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        JWTClaimsSet token = JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims);
        return valid(token.getNotBeforeTime()) && rules.issuer().map(i -> i.equals(token.getIssuer())).orElse(true)
                && rules.audience().map(a -> token.getAudience().contains(a)).orElse(true);
    }

    private boolean valid(@Nullable Date notBefore) {
        return notBefore == null || !notBefore.toInstant().isAfter(Instant.now(TOKEN_TIME).plus(rules.notBeforeLeeway()));
    }
}
