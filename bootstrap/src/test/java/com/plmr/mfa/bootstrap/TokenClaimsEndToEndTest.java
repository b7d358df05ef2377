package com.plmr.mfa.bootstrap;

import com.nimbusds.jwt.JWTClaimsSet;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token must be valid now (its {@code nbf} at most the leeway ahead), from the configured issuer
 * (compared exactly) and for the configured audience. Token times are the wall clock's, as an
 * identity provider stamps them; the margins here are minutes, so a slow machine cannot blur them.
 * A refused token answers 401; an accepted one reaches the operation, which answers 404 for a
 * challenge nobody created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenClaimsEndToEndTest {

    private static final String ISSUER = "https://idp.example.com/realms/mfa";
    private static final String AUDIENCE = "mfa-totp";
    private static final int ACCEPTED = 404;
    private static final int REFUSED = 401;

    private EmbeddedServer defaults;
    private EmbeddedServer configured;

    @BeforeAll
    void start() {
        defaults = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(TestDatabase.properties()), "test");
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("mfa.security.not-before-leeway", "4m");
        properties.put("mfa.security.issuer", ISSUER);
        properties.put("mfa.security.audience", AUDIENCE);
        configured = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    void stop() {
        defaults.close();
        configured.close();
    }

    @Test
    void a_token_whose_not_before_lies_ahead_beyond_the_leeway_is_refused() {
        assertThat(status(defaults, t -> t.notBeforeTime(in(Duration.ofMinutes(10))))).isEqualTo(REFUSED);
        assertThat(status(defaults, t -> t.notBeforeTime(in(Duration.ofMinutes(3))))).isEqualTo(REFUSED);
        assertThat(status(defaults, t -> t.notBeforeTime(in(Duration.ofSeconds(-30))))).isEqualTo(ACCEPTED);
        assertThat(status(defaults, UnaryOperator.identity())).isEqualTo(ACCEPTED);
    }

    @Test
    void the_leeway_absorbs_the_configured_clock_skew() {
        assertThat(status(configured, t -> valid(t).notBeforeTime(in(Duration.ofMinutes(3))))).isEqualTo(ACCEPTED);
        assertThat(status(configured, t -> valid(t).notBeforeTime(in(Duration.ofMinutes(10))))).isEqualTo(REFUSED);
    }

    @Test
    void only_the_configured_issuer_is_accepted_exactly() {
        assertThat(status(configured, this::valid)).isEqualTo(ACCEPTED);
        for (String other : List.of("example.com/realms/mfa", "idp.example.com/realms/mfa",
                "http://idp.example.com/realms/mfa", "https://idp.example.com/realms/mfa/", "a")) {
            assertThat(status(configured, t -> valid(t).issuer(other))).as(other).isEqualTo(REFUSED);
        }
        assertThat(status(configured, t -> valid(t).issuer(null))).isEqualTo(REFUSED);
    }

    @Test
    void the_configured_audience_must_be_among_the_token_audiences() {
        assertThat(status(configured, t -> valid(t).audience(List.of("billing", AUDIENCE)))).isEqualTo(ACCEPTED);
        assertThat(status(configured, t -> valid(t).audience("billing"))).isEqualTo(REFUSED);
        assertThat(status(configured, t -> valid(t).audience((String) null))).isEqualTo(REFUSED);
    }

    @Test
    void without_configured_issuer_and_audience_neither_is_required() {
        assertThat(status(defaults, t -> t.issuer("https://anyone.example").audience("anything"))).isEqualTo(ACCEPTED);
    }

    private JWTClaimsSet.Builder valid(JWTClaimsSet.Builder token) {
        return token.issuer(ISSUER).audience(AUDIENCE);
    }

    private static Date in(Duration fromNow) {
        return Date.from(Instant.now().plus(fromNow));
    }

    private static int status(EmbeddedServer server, UnaryOperator<JWTClaimsSet.Builder> claims) {
        String token = TestTokens.sign(claims.apply(new JWTClaimsSet.Builder().subject("payments")
                .claim("client_id", "payments").claim("scope", "mfa.challenges.read")));
        return new RawHttp(server).json("GET", "/internal/v1/mfa/challenges/c-nobody-created", token, null).statusCode();
    }
}
