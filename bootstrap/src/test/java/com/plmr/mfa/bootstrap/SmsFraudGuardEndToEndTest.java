package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS fraud guard and the message formats through the webhook gateway (WireMock), on the real
 * database: numbers read by their plans, refused types and countries answered before anything is
 * queued, the send limit per number range, and the autofill lines of a sent SMS.
 */
@MicronautTest(transactional = false)
class SmsFraudGuardEndToEndTest extends EndToEndTest {

    private static final String ORIGIN = "pay.example.com";
    private static final String APP_HASH = "FA+9qCX9VSu";

    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    MeterRegistry meters;

    private final WireMockServer gateway = startGateway();
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final OutboxRows outbox = new OutboxRows(database);
    private final AuditRows audit = new AuditRows(database);

    private static WireMockServer startGateway() {
        WireMockServer server = LocalGateway.started();
        server.stubFor(post(urlEqualTo("/sms")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"gw-1\"}")));
        return server;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.test.recording-sender", "false");
        properties.put("mfa.notify.sms.provider", "webhook");
        properties.put("mfa.notify.sms.webhook.url", "http://127.0.0.1:" + gateway.port() + "/sms");
        properties.put("mfa.sms.denied-countries", "CU");
        properties.put("mfa.abuse.sends-per-range-per-hour", "3");
        properties.put("mfa.sms.origin", ORIGIN);
        properties.put("mfa.sms.android-app-hash", APP_HASH);
        return properties;
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @AfterAll
    void stopGateway() {
        gateway.stop();
    }

    @Test
    void a_phone_number_written_with_separators_is_stored_in_e164_and_an_invalid_one_is_refused() {
        String user = "u-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        String token = TestTokens.service("payments", TestTokens.ALL_SCOPES);

        HttpResponse<String> stored = http.json("PUT", "/resources/v3alpha/users/" + user + "/phone", token,
                "{\"phone\": \"+49 (0)151 1234-5612\"}");
        HttpResponse<String> invalid = http.json("PUT", "/resources/v3alpha/users/" + user + "/phone", token,
                "{\"phone\": \"+49151777710\"}");
        HttpResponse<String> national = http.json("PUT", "/resources/v3alpha/users/" + user + "/phone", token,
                "{\"phone\": \"0151 12345612\"}");

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).contains("\"phone\":\"+4915112345612\"");
        for (HttpResponse<String> refused : List.of(invalid, national)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"phone\"").contains("valid phone number");
        }
        assertThat(http.json("GET", "/resources/v3alpha/users/" + user + "/phone", token, null).body())
                .contains("\"phone\":\"+4915112345612\"");
    }

    @Test
    void a_premium_rate_number_is_refused_before_anything_is_queued_and_the_refusal_is_audited() throws Exception {
        String user = api.newUser("+49 900 1 234567", null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();

        HttpResponse<String> refused = initiate(user, challenge);

        assertRefused(refused, "PHONE_TYPE_REFUSED", "premium_rate");
        assertThat(outbox.forChallenge(challenge)).isEmpty();
        assertThat(audit.decisionsOf(user)).contains("code.refused/phone_type_refused").doesNotContain("code.issued");
        dispatcher.dispatchDue();
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/sms")).withRequestBody(containing("+499001234567"))))
                .isEmpty();
    }

    @Test
    void a_number_of_a_denied_country_is_refused_with_its_country() throws Exception {
        String user = api.newUser("+53 5 1234567", null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();

        assertRefused(initiate(user, challenge), "PHONE_COUNTRY_REFUSED", "(CU)");
        assertThat(outbox.forChallenge(challenge)).isEmpty();
        assertThat(audit.decisionsOf(user)).contains("code.refused/phone_country_refused").doesNotContain("code.issued");
    }

    @Test
    void the_numbers_of_one_range_share_the_hourly_limit_of_the_range_and_another_range_is_not_affected()
            throws Exception {
        int range = 10_000 + ThreadLocalRandom.current().nextInt(89_998);
        String block = "+49151" + range;
        for (int i = 1; i <= 3; i++) {
            String user = api.newUser(block + "00" + i, null);
            assertThat(initiate(user, api.newChallenge(user, ChallengeMethod.SMS).getChallengeId()).statusCode())
                    .isEqualTo(200);
        }
        String fourth = api.newUser(block + "004", null);
        String elsewhere = api.newUser("+49151" + (range + 1) + "004", null);

        HttpResponse<String> limited = initiate(fourth, api.newChallenge(fourth, ChallengeMethod.SMS).getChallengeId());

        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(limited.body()).contains("\"reason\":\"SEND_RATE_LIMITED\"");
        assertThat(initiate(elsewhere, api.newChallenge(elsewhere, ChallengeMethod.SMS).getChallengeId()).statusCode())
                .isEqualTo(200);
        clock.advance(java.time.Duration.ofHours(1));
        assertThat(initiate(fourth, api.newChallenge(fourth, ChallengeMethod.SMS).getChallengeId()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_sent_sms_ends_with_the_app_hash_and_the_origin_bound_code_whose_code_verifies_and_is_measured()
            throws Exception {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        dispatcher.dispatchDue();
        double gsm7Before = segmentsCount("gsm7");
        assertThat(initiate(user, challenge).statusCode()).isEqualTo(200);

        dispatcher.dispatchDue();

        List<LoggedRequest> sent = gateway.findAll(postRequestedFor(urlEqualTo("/sms"))
                .withRequestBody(containing("\"" + phone + "\"")));
        assertThat(sent).hasSize(1);
        String text = new ObjectMapper().readTree(sent.get(0).getBodyAsString()).get("body").asText();
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Code ").endsWith("Never share it.");
        assertThat(lines.get(1)).isEqualTo(APP_HASH);
        assertThat(lines.get(2)).matches("@" + ORIGIN.replace(".", "\\.") + " #\\d{6}");
        String code = lines.get(2).substring(lines.get(2).indexOf('#') + 1);
        assertThat(lines.get(0)).contains(code);
        assertThat(api.sms(user).verifySms(challenge, new VerifyOtpRequest().totp(code)).getStatus())
                .isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(segmentsCount("gsm7")).isEqualTo(gsm7Before + 1);
    }

    private HttpResponse<String> initiate(String user, String challenge) {
        return http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", TestTokens.user(user), null);
    }

    private static void assertRefused(HttpResponse<String> response, String reason, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("urn:plmr:mfa-totp:api:BAD_REQUEST").contains("\"reason\":\"" + reason + "\"")
                .contains(detail).doesNotContain("Retry-After");
    }

    private double segmentsCount(String encoding) {
        var summary = meters.find(MicrometerSmsSegments.SEGMENTS).tag("encoding", encoding).summary();
        return summary == null ? 0 : summary.count();
    }
}
