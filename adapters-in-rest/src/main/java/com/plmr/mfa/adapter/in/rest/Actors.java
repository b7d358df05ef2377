package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;

/**
 * Turns the validated bearer token into an {@link Actor}. A token carrying at least one
 * {@code mfa.*} scope (in {@code scope}, space separated, or {@code scp}) is a consumer
 * service's, named by {@code client_id}, {@code azp} or {@code sub}; any other token is a user's,
 * whose {@code sub} is the user id.
 */
@Singleton
class Actors {

    private static final String SCOPE_PREFIX = "mfa.";
    private final SecurityService security;

    Actors(SecurityService security) {
        this.security = security;
    }

    Actor current() {
        Authentication authentication = security.getAuthentication()
                .orElseThrow(() -> new AuthorizationException(null));
        Map<String, Object> claims = authentication.getAttributes();
        Set<String> scopes = TokenScopes.of(claims);
        if (scopes.stream().anyMatch(scope -> scope.startsWith(SCOPE_PREFIX))) {
            return new Actor.Service(firstText(claims, authentication.getName(), "client_id", "azp"), scopes);
        }
        if (!UserId.isWellFormed(authentication.getName())) {
            throw new AuthorizationException(null);
        }
        return new Actor.User(new UserId(authentication.getName()));
    }

    private static String firstText(Map<String, Object> claims, String fallback, String... names) {
        for (String name : names) {
            if (claims.get(name) instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return fallback;
    }
}
