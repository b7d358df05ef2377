package com.plmr.mfa.client.assertion;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.plmr.mfa.client.assertion.StepUpAssertionException.Reason;
import com.plmr.mfa.client.model.StepUpContext;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The helper against assertions signed by an independent library (Nimbus JOSE) with keys published
 * by a local HTTP server, as the service publishes them; time is a fixed clock.
 */
class StepUpAssertionVerifierTest {

    private static final String ISSUER = "http://127.0.0.1";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final StepUpContext PAYMENT = new StepUpContext().operation("payment").reference("pay-8c1f2")
            .summary("payment of EUR 40 to ACME");

    private final AtomicReference<String> published = new AtomicReference<>();
    private final AtomicInteger reads = new AtomicInteger();
    private HttpServer server;
    private ECKey key;
    private StepUpAssertionVerifier verifier;

    @BeforeEach
    void publishAKey() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        published.set(new JWKSet(key.toPublicJWK()).toString());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            reads.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        verifier = verifierAt(NOW);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void accepts_an_assertion_for_the_operation_about_to_be_performed() throws Exception {
        VerifiedStepUp stepUp = verifier.verify(signed(key, claims -> claims), PAYMENT, "n-1");

        assertThat(stepUp.userId()).isEqualTo("u-42");
        assertThat(stepUp.challengeId()).isEqualTo("ch_1");
        assertThat(stepUp.amr()).containsExactly("otp", "sms");
        assertThat(stepUp.operationDigest()).isEqualTo("sha256:QcDH3nzqBH-psxnuI0uRe3st6d1v-s5vZJKxKSh9-r4");
    }

    @Test
    void refuses_an_assertion_whose_claims_were_altered_after_signing() throws Exception {
        String[] parts = signed(key, claims -> claims).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"u-42\"", "\"u-43\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(tampered, PAYMENT, Reason.BAD_SIGNATURE);
    }

    @Test
    void refuses_an_assertion_for_another_audience_or_issuer() throws Exception {
        assertRefused(signed(key, claims -> claims.audience("web-bff")), PAYMENT, Reason.WRONG_AUDIENCE);
        assertRefused(signed(key, claims -> claims.issuer("https://elsewhere.example")), PAYMENT, Reason.WRONG_ISSUER);
    }

    @Test
    void refuses_an_expired_assertion_after_the_allowed_clock_skew() throws Exception {
        String assertion = signed(key, claims -> claims);

        assertThat(verifierAt(NOW.plusSeconds(120 + 29)).verify(assertion, PAYMENT).userId()).isEqualTo("u-42");
        assertThatThrownBy(() -> verifierAt(NOW.plusSeconds(120 + 30)).verify(assertion, PAYMENT))
                .isInstanceOfSatisfying(StepUpAssertionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void refuses_an_assertion_signed_by_a_key_that_is_not_published() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();

        assertRefused(signed(other, claims -> claims), PAYMENT, Reason.UNKNOWN_KEY);
    }

    @Test
    void refuses_an_assertion_of_another_operation_or_nonce() throws Exception {
        String assertion = signed(key, claims -> claims);

        assertRefused(assertion, new StepUpContext().operation("payment").reference("pay-8c1f2")
                .summary("payment of EUR 41 to ACME"), Reason.OPERATION_MISMATCH);
        assertThatThrownBy(() -> verifier.verify(assertion, PAYMENT, "n-2"))
                .isInstanceOfSatisfying(StepUpAssertionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NONCE_MISMATCH));
    }

    @Test
    void refuses_a_token_of_another_type_signed_by_the_same_key() throws Exception {
        SignedJWT accessToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims().build());
        accessToken.sign(new ECDSASigner(key));

        assertRefused(accessToken.serialize(), PAYMENT, Reason.NOT_AN_ASSERTION);
    }

    @Test
    void finds_a_rotated_in_key_by_reading_the_keys_again_but_reads_at_most_once_a_minute() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        StepUpAssertionVerifier moving = StepUpAssertionVerifier.forIssuer(issuer(), "payments", jwks(),
                HttpClient.newHttpClient(), new MovingClock(now), Duration.ofSeconds(30));
        moving.verify(signed(key, claims -> claims), PAYMENT);
        ECKey next = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        published.set(new JWKSet(List.of(next.toPublicJWK(), key.toPublicJWK())).toString());

        now.set(NOW.plusSeconds(59));
        assertThatThrownBy(() -> moving.verify(signed(next, claims -> claims), PAYMENT))
                .isInstanceOfSatisfying(StepUpAssertionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
        now.set(NOW.plusSeconds(60));
        assertThat(moving.verify(signed(next, claims -> claims), PAYMENT).userId()).isEqualTo("u-42");
        ECKey unknown = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> moving.verify(signed(unknown, claims -> claims), PAYMENT))
                    .isInstanceOf(StepUpAssertionException.class);
        }
        assertThat(reads).hasValue(2);
    }

    @Test
    void recomputes_the_digest_test_vectors_of_the_documentation() {
        assertThat(OperationDigests.of(new StepUpContext().operation("password-change").reference("pw-1")))
                .isEqualTo("sha256:OIK_oyzS3EViuXdelR1Ni54m_g2nfuwe9KfGA2wOV3s");
        assertThat(OperationDigests.of(Map.of("operation", "zahlung", "reference", "überweisung-\uD83D\uDCB6",
                "summary", "Zahlung von 40,00 € an Müller & Söhne")))
                .isEqualTo("sha256:R2FMoDb0yMFGjPmtvzjYEOlk9cB6e2w7IeMDYVTGg30");
        assertThat(OperationDigests.of(Map.of("operation", "payment", "reference", "a\"b\\c/d\n\t\u0001\u007f\u2028",
                "summary", "<script>"))).isEqualTo("sha256:rHc6_5mbiSX6_nyqT5FSUHm-F1i3qLLtSEe_R_z1yMA");
        assertThat(OperationDigests.of(Map.of("operation", "payment", "reference", "lone-\uD800-surrogate")))
                .isEqualTo("sha256:HbO9ZM72S6QQF1y6O08MXEmmabs1tS9sXw0SgM-Tut0");
    }

    private URI jwks() {
        return URI.create(issuer() + "/.well-known/jwks.json");
    }

    private String issuer() {
        return ISSUER + ":" + server.getAddress().getPort();
    }

    private StepUpAssertionVerifier verifierAt(Instant now) {
        return StepUpAssertionVerifier.forIssuer(issuer(), "payments", jwks(),
                HttpClient.newHttpClient(), Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(30));
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(issuer()).subject("u-42")
                .audience("payments").issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(120)))
                .jwtID("ch_1").claim("auth_time", NOW.minusSeconds(3).getEpochSecond())
                .claim("acr", "urn:plmr:mfa-totp:acr:pstn").claim("amr", List.of("otp", "sms"))
                .claim("operation", Map.of("operation", "payment", "reference", "pay-8c1f2",
                        "summary", "payment of EUR 40 to ACME"))
                .claim("operation_digest", "sha256:QcDH3nzqBH-psxnuI0uRe3st6d1v-s5vZJKxKSh9-r4").claim("nonce", "n-1");
    }

    private String signed(ECKey signer, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID())
                .type(new JOSEObjectType("step-up+jwt")).build(), change.apply(claims()).build());
        jwt.sign(new ECDSASigner(signer));
        return jwt.serialize();
    }

    private void assertRefused(String assertion, StepUpContext operation, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(assertion, operation))
                .isInstanceOfSatisfying(StepUpAssertionException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private final AtomicReference<Instant> now;

        MovingClock(AtomicReference<Instant> now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
