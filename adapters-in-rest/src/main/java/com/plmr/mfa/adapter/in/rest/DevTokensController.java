package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mints bearer tokens for the README walkthrough, signed with the development HS256 secret.
 * The bean exists only in the {@code dev} environment (the zero-set-up run): in every other
 * environment the route is absent and answers 404 {@code RESOURCE_UNKNOWN}. It is deliberately not
 * in the OpenAPI document, which describes the production contract the SDKs are generated from.
 */
@Controller("/dev/tokens")
@Requires(env = Environment.DEVELOPMENT)
@Secured(SecurityRule.IS_ANONYMOUS)
class DevTokensController {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern SCOPE = Pattern.compile("[a-z.]{1,40}( [a-z.]{1,40}){0,9}");
    private static final Duration LIFETIME = Duration.ofHours(1);
    /**
     * A token's life is judged by the wall clock: Micronaut Security checks {@code exp} (and
     * {@code nbf}) against the real time, as an identity provider stamps them. The service's
     * injected {@code Clock} is the time of challenges and codes (tests move it), never of tokens,
     * so minting here must not use it: a token stamped with a moved clock would be born expired.
     */
    private static final Clock TOKEN_TIME = Clock.systemUTC();
    private final JwtTokenGenerator tokens;

    DevTokensController(JwtTokenGenerator tokens) {
        this.tokens = tokens;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<?> mint(@Body TokenRequest request) {
        if (request.sub() == null || !SUBJECT.matcher(request.sub()).matches()
                || (request.scope() != null && !SCOPE.matcher(request.scope()).matches())) {
            return Replies.error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    "sub is 1 to 64 of A-Z a-z 0-9 . _ @ -; scope is space-separated scope names");
        }
        long now = TOKEN_TIME.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", request.sub());
        if (request.scope() != null) {
            claims.put("scope", request.scope());
            claims.put("client_id", request.sub());
        }
        claims.put("iat", now);
        claims.put("exp", now + LIFETIME.toSeconds());
        Optional<String> token = tokens.generateToken(claims);
        return token.<HttpResponse<?>>map(value -> HttpResponse.ok(new TokenResponse(value, LIFETIME.toSeconds())))
                .orElseGet(HttpResponse::serverError);
    }

    /** {@code sub}: a user id, or a service name when {@code scope} is given. */
    @Serdeable
    record TokenRequest(@Nullable String sub, @Nullable String scope) {
    }

    @Serdeable
    record TokenResponse(String token, long expiresIn) {
    }
}
