package com.plmr.mfa.bootstrap;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * Puts {@link VerifiedTokens} in front of the framework's bearer-token validator: a token seen
 * before, while its entry lasts, is answered with the authentication its first check gave, without
 * parsing it or checking its signature again. Only a token that passed every check is kept. The
 * checks beyond the signature depend on the token alone (issuer, audience, {@code nbf} already
 * reached, {@link TokenClaimsCheck}), never on the request, so the first answer holds for later
 * requests; {@code exp} ends the entry. Entries are judged by the wall clock, as token times are.
 * {@code MFA_JWT_CACHE_SIZE=0} leaves the validator as the framework built it.
 */
@Singleton
final class VerifiedTokenCache
        implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>>> {

    private final Rules rules;
    private final BeanProvider<JwtAuthenticationFactory> authentications;

    VerifiedTokenCache(Rules rules, BeanProvider<JwtAuthenticationFactory> authentications) {
        this.rules = rules;
        this.authentications = authentications;
    }

    /**
     * How many tokens are kept as verified ({@code MFA_JWT_CACHE_SIZE}, 0 for none) and how long at
     * most: one refresh of the identity provider's key set ({@code mfa.security.jwks-cache-seconds}).
     */
    record Rules(int size, Duration keysRefresh) {

        static final int MAX_SIZE = 1_000_000;

        Rules {
            require(size >= 0 && size <= MAX_SIZE, "size", "0 (no cache) to " + MAX_SIZE);
            require(!keysRefresh.isNegative() && !keysRefresh.isZero(), "keysRefresh", "at least 1");
        }
    }

    @Override
    public ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> onCreated(
            BeanCreatedEvent<ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>>> event) {
        ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> validator = event.getBean();
        return rules.size() == 0 ? validator : new Cached(validator,
                new VerifiedTokens<>(rules.size(), rules.keysRefresh(), Clock.systemUTC()), authentications);
    }

    /** The framework's validator with the cache in front of it. */
    static final class Cached implements ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> {

        private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> checks;
        private final VerifiedTokens<Authentication> verified;
        private final BeanProvider<JwtAuthenticationFactory> authentications;

        Cached(ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> checks, VerifiedTokens<Authentication> verified,
               BeanProvider<JwtAuthenticationFactory> authentications) {
            this.checks = checks;
            this.verified = verified;
            this.authentications = authentications;
        }

        @Override
        public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
            Optional<Authentication> known = verified.get(token);
            if (known.isPresent()) {
                return Mono.just(known.get());
            }
            return Mono.from(checks.validate(token, request)).flatMap(jwt -> Mono.justOrEmpty(
                    authentications.get().createAuthentication(jwt).map(authentication -> {
                        expiry(jwt).ifPresent(expiry -> verified.put(token, expiry, authentication));
                        return authentication;
                    })));
        }

        @Override
        public Publisher<JWT> validate(String token, @Nullable HttpRequest<?> request) {
            return checks.validate(token, request);
        }

        @Override
        public int getOrder() {
            return checks.getOrder();
        }

        private static Optional<Instant> expiry(JWT jwt) {
            try {
                return Optional.ofNullable(jwt.getJWTClaimsSet().getExpirationTime()).map(Date::toInstant);
            } catch (ParseException e) {
                return Optional.empty();
            }
        }
    }
}
