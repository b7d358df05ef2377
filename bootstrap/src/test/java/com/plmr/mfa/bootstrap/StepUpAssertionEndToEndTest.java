package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.ChallengesApi;
import com.plmr.mfa.client.assertion.OperationDigests;
import com.plmr.mfa.client.assertion.StepUpAssertionException;
import com.plmr.mfa.client.assertion.StepUpAssertionVerifier;
import com.plmr.mfa.client.assertion.VerifiedStepUp;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.StepUpMethod;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The step-up assertion end to end on the real database: the consume answers it, an independent
 * library (Nimbus JOSE) verifies it against the keys the service serves, and so does the Java SDK's
 * helper, which refuses it for another operation.
 */
@MicronautTest(transactional = false)
class StepUpAssertionEndToEndTest extends EndToEndTest {

    private static final String ISSUER = "https://mfa.test.invalid";
    private static final StepUpContext PAYMENT = new StepUpContext().operation("payment").reference("pay-8c1f2")
            .summary("Zahlung von 40,00 € an Müller");

    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    @Test
    void the_consume_answers_an_assertion_an_independent_library_verifies_against_the_served_keys() throws Exception {
        Challenge challenge = verifiedBySms("n-0S6_WzA2Mj");
        clock.advance(Duration.ofSeconds(4));

        Challenge consumed = consumeAs("payments-executor", challenge);

        SignedJWT jwt = SignedJWT.parse(consumed.getAssertion());
        JWKSet keys = JWKSet.load(jwks().toURL());
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("step-up+jwt"));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.verify(new ECDSAVerifier(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo(challenge.getUserId());
        assertThat(claims.getAudience()).containsExactly("payments");
        assertThat(claims.getJWTID()).isEqualTo(challenge.getChallengeId());
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(consumed.getConsumedAt().toInstant());
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(consumed.getConsumedAt().toInstant().plusSeconds(120));
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(consumed.getVerifiedAt().toEpochSecond());
        assertThat(claims.getStringClaim("acr")).isEqualTo("urn:plmr:mfa-totp:acr:pstn");
        assertThat(claims.getStringListClaim("amr")).containsExactly("otp", "sms");
        assertThat(claims.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(claims.getJSONObjectClaim("operation")).isEqualTo(Map.of("operation", "payment",
                "reference", "pay-8c1f2", "summary", "Zahlung von 40,00 € an Müller"));
        assertThat(claims.getStringClaim("operation_digest")).isEqualTo(OperationDigests.of(PAYMENT));
    }

    @Test
    void the_sdk_helper_accepts_it_for_the_approved_operation_and_refuses_it_for_another() throws Exception {
        Challenge consumed = consumeAs("payments", verifiedBySms(null));
        StepUpAssertionVerifier verifier = StepUpAssertionVerifier.forIssuer(ISSUER, "payments", jwks(),
                HttpClient.newHttpClient(), clock, Duration.ofSeconds(30));

        VerifiedStepUp stepUp = verifier.verify(consumed.getAssertion(), PAYMENT);

        assertThat(stepUp.challengeId()).isEqualTo(consumed.getChallengeId());
        assertThat(stepUp.nonce()).isEmpty();
        assertThatThrownBy(() -> verifier.verify(consumed.getAssertion(), new StepUpContext().operation("payment")
                .reference("pay-8c1f2").summary("Zahlung von 41,00 € an Müller")))
                .isInstanceOfSatisfying(StepUpAssertionException.class,
                        e -> assertThat(e.reason()).isEqualTo(StepUpAssertionException.Reason.OPERATION_MISMATCH));
        clock.advance(Duration.ofSeconds(120 + 30));
        assertThatThrownBy(() -> verifier.verify(consumed.getAssertion(), PAYMENT))
                .isInstanceOfSatisfying(StepUpAssertionException.class,
                        e -> assertThat(e.reason()).isEqualTo(StepUpAssertionException.Reason.EXPIRED));
    }

    @Test
    void the_assertion_is_answered_once_and_no_other_answer_shows_it_or_the_nonce() throws Exception {
        Challenge challenge = verifiedBySms("n-1");
        consumeAs("payments", challenge);

        HttpResponse<String> read = http.json("GET", "/internal/v1/mfa/challenges/" + challenge.getChallengeId(),
                TestTokens.service("payments", TestTokens.ALL_SCOPES), null);
        HttpResponse<String> again = http.json("POST", "/internal/v1/mfa/challenges/" + challenge.getChallengeId()
                + ":consume", TestTokens.service("payments", TestTokens.ALL_SCOPES), null);

        assertThat(read.body()).doesNotContain("assertion").doesNotContain("n-1");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).doesNotContain("assertion");
    }

    @Test
    void the_keys_are_public_and_cacheable_p256_keys_named_by_their_thumbprint() throws Exception {
        HttpResponse<String> answer = http.json("GET", "/.well-known/jwks.json", null, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        JsonNode key = new ObjectMapper().readTree(answer.body()).path("keys").get(0);
        assertThat(key.path("kty").asText()).isEqualTo("EC");
        assertThat(key.path("crv").asText()).isEqualTo("P-256");
        assertThat(key.path("alg").asText()).isEqualTo("ES256");
        assertThat(key.path("use").asText()).isEqualTo("sig");
        assertThat(key.has("d")).isFalse();
        assertThat(JWKSet.parse(answer.body()).getKeys().get(0).computeThumbprint().toString())
                .isEqualTo(key.path("kid").asText());
    }

    @Test
    void a_nonce_outside_its_pattern_is_a_bad_request() {
        HttpResponse<String> refused = http.json("POST", "/internal/v1/mfa/challenges",
                TestTokens.service("payments", TestTokens.ALL_SCOPES), "{\"userId\":\"u-1\",\"context\":"
                        + "{\"operation\":\"payment\",\"reference\":\"p-1\"},\"nonce\":\"has space\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("nonce");
    }

    private Challenge verifiedBySms(String nonce) throws ApiException {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        Challenge challenge = api.challenges().createChallenge(new CreateChallengeRequest().userId(user).context(PAYMENT)
                .allowedMethods(new java.util.LinkedHashSet<>(Set.of(StepUpMethod.SMS))).nonce(nonce));
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        dispatcher.dispatchDue();
        String code = provider.lastTo(phone).orElseThrow().code().digits();
        return api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(code));
    }

    private Challenge consumeAs(String service, Challenge challenge) throws ApiException {
        return new ChallengesApi(api.client(TestTokens.service(service, "mfa.challenges.consume")))
                .consumeChallenge(challenge.getChallengeId());
    }

    private URI jwks() {
        return URI.create(server.getURI() + "/.well-known/jwks.json");
    }
}
