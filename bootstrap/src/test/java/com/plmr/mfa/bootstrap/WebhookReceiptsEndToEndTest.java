package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.Delivery;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wiremock.webhooks.Webhooks.webhook;

/**
 * The generic webhook gateway's delivery receipts end to end, on the real database: WireMock plays
 * the gateway, accepting each message under an id of its own and then posting the signed status
 * callback; the test computes each {@code X-Mfa-Signature} with its own HMAC code, stamped by the
 * service's injected clock, which alone decides whether a signature is too old. Unsigned, wrongly
 * signed and stale callbacks are refused and audited; a believed callback answers alike whatever it
 * names; a receipt counts once.
 */
@MicronautTest(transactional = false)
class WebhookReceiptsEndToEndTest extends EndToEndTest {

    private static final String CALLBACK = "/callbacks/v1/sms/webhook";
    /** The URL as the gateway reaches the service (through its load balancer), sent with every message. */
    private static final String CALLBACK_URL = "https://mfa.example.com" + CALLBACK;
    private static final String SECRET = "receipts-test-callback-secret-0123456789";
    private static final String SEND = "/sms";
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration COOLDOWN = Duration.ofSeconds(30);

    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    PublishedAuditEvents published;

    private final WireMockServer gateway = LocalGateway.started();
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final AuditRows audit = new AuditRows(database);
    private final Map<String, String> challengesById = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.test.recording-sender", "false");
        properties.put("mfa.notify.sms.provider", "webhook");
        properties.put("mfa.notify.sms.webhook.url", "http://127.0.0.1:" + gateway.port() + SEND);
        properties.put("mfa.notify.sms.webhook.status-callback-url", CALLBACK_URL);
        properties.put("mfa.notify.sms.webhook.callback-secret", SECRET);
        properties.put("mfa.challenge.resend-cooldown", COOLDOWN.toSeconds() + "s");
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
    void the_gateways_signed_delivered_callback_shows_on_the_challenge_and_in_the_audit_trail() throws Exception {
        String phone = ApiFixture.newPhone();
        String id = sentSms(phone);

        gatewayReports(id, receipt(id, "delivered"));

        LoggedRequest sent = gateway.findAll(postRequestedFor(urlEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))).get(0);
        assertThat(new ObjectMapper().readTree(sent.getBodyAsString()).get("statusCallback").asText())
                .isEqualTo(CALLBACK_URL);
        Delivery delivery = receiptArrived(id, "message.delivered");
        assertThat(delivery.getStatus().getValue()).isEqualTo("sent");
        assertThat(delivery.getReceipt().getStatus()).isEqualTo("delivered");
        assertThat(delivery.getReceipt().getErrorCode()).isNull();
        List<Map<String, String>> events = audit.where("challenge_id", challengeOf(id));
        assertThat(events).extracting(AuditRows::decision).contains("message.sent", "message.delivered");
        assertThat(events).filteredOn(event -> event.get("type").equals("message.delivered")).singleElement()
                .satisfies(event -> {
                    assertThat(event.get("actor_kind")).isEqualTo("PROVIDER");
                    assertThat(event.get("actor_id")).isEqualTo("webhook");
                    assertThat(event.get("user_id")).isNotNull();
                });
    }

    @Test
    void the_gateways_signed_undelivered_callback_lets_the_next_initiate_skip_the_cooldown() throws Exception {
        String phone = ApiFixture.newPhone();
        String id = "gw-" + UUID.randomUUID();
        acceptsMessagesTo(phone, id);
        String user = api.newUser(phone, null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        challengesById.put(id, challenge);
        assertThat(initiate(user, challenge).statusCode()).isEqualTo(200);
        assertThat(initiate(user, challenge).statusCode()).as("the cooldown holds while the code is on its way")
                .isEqualTo(429);
        dispatcher.dispatchDue();
        clock.advance(COOLDOWN.dividedBy(2));

        gatewayReports(id, receipt(id, "undelivered", "absent-subscriber"));

        Delivery delivery = receiptArrived(id, "message.undelivered");
        assertThat(delivery.getReceipt().getStatus()).isEqualTo("undelivered");
        assertThat(delivery.getReceipt().getErrorCode()).isEqualTo("absent-subscriber");
        assertThat(audit.decisionsOf(user)).contains("message.sent", "message.undelivered");
        assertThat(initiate(user, challenge).statusCode()).as("no cooldown after an undelivered code").isEqualTo(200);
        assertThat(initiate(user, challenge).statusCode()).as("the new code's cooldown holds again").isEqualTo(429);
    }

    @Test
    void unsigned_wrongly_signed_and_stale_callbacks_are_refused_and_audited_and_change_nothing() throws Exception {
        String id = sentSms(ApiFixture.newPhone());
        String delivered = receipt(id, "delivered");
        Set<String> refusedBefore = refusedEvents();

        HttpResponse<String> unsigned = callback(delivered, null);
        HttpResponse<String> foreign = callback(delivered, signature(clock.instant(), delivered,
                "another-callback-secret-0123456789abcdef"));
        HttpResponse<String> tampered = callback(receipt(id, "undelivered", "absent-subscriber"),
                signature(clock.instant(), delivered, SECRET));
        String signedNow = signature(clock.instant(), delivered, SECRET);
        HttpResponse<String> timeless = callback(delivered, signedNow.substring(signedNow.indexOf(',') + 1));
        clock.advance(WINDOW.plusSeconds(1));
        HttpResponse<String> stale = callback(delivered, signedNow);
        HttpResponse<String> otherProvider = http.send("POST", "/callbacks/v1/sms/twilio", null,
                "application/x-www-form-urlencoded", "MessageSid=" + id + "&MessageStatus=delivered",
                "X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl");

        for (HttpResponse<String> refused : List.of(unsigned, foreign, tampered, timeless, stale, otherProvider)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("urn:plmr:mfa-totp:api:FORBIDDEN")
                    .contains("The callback's signature is missing or does not verify");
        }
        List<Map<String, String>> refusals = audit.where("type", "receipt.refused").stream()
                .filter(event -> !refusedBefore.contains(event.get("id"))).toList();
        assertThat(refusals).extracting(AuditRows::decision).containsExactlyInAnyOrder(
                "receipt.refused/signature_missing", "receipt.refused/signature_invalid",
                "receipt.refused/signature_invalid", "receipt.refused/signature_invalid",
                "receipt.refused/signature_invalid", "receipt.refused/receipts_not_configured");
        assertThat(refusals).allSatisfy(event -> {
            assertThat(event.get("actor_kind")).isEqualTo("PROVIDER");
            assertThat(event.get("user_id")).isNull();
            assertThat(event.get("challenge_id")).isNull();
        });
        assertThat(refusals).extracting(event -> event.get("actor_id")).containsOnly("webhook", "twilio");
        assertThat(api.challenges().getChallenge(challengeOf(id)).getDelivery().getReceipt()).isNull();
        assertThat(audit.where("challenge_id", challengeOf(id))).extracting(AuditRows::decision)
                .noneMatch(decision -> decision.startsWith("message.delivered") || decision.startsWith("message.undelivered"));
    }

    @Test
    void a_signature_is_believed_until_the_services_clock_is_five_minutes_past_it() throws Exception {
        String id = sentSms(ApiFixture.newPhone());
        String delivered = receipt(id, "delivered");
        String signed = signature(clock.instant(), delivered, SECRET);
        clock.advance(WINDOW);

        HttpResponse<String> answer = callback(delivered, signed);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        assertThat(api.challenges().getChallenge(challengeOf(id)).getDelivery().getReceipt().getStatus())
                .isEqualTo("delivered");
    }

    @Test
    void a_believed_callback_naming_an_unknown_message_answers_as_one_naming_a_known_message() throws Exception {
        String id = sentSms(ApiFixture.newPhone());
        String unknownId = "gw-" + UUID.randomUUID();
        int deliveredBefore = audit.where("type", "message.delivered").size();

        HttpResponse<String> known = believed(receipt(id, "delivered"));
        HttpResponse<String> unknown = believed(receipt(unknownId, "delivered"));

        assertThat(known.statusCode()).isEqualTo(204);
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.body()).isEqualTo(known.body()).isEmpty();
        assertThat(unknown.headers().map().keySet()).isEqualTo(known.headers().map().keySet());
        assertThat(audit.where("type", "message.delivered")).as("only the known message's receipt is recorded")
                .hasSize(deliveredBefore + 1);
    }

    @Test
    void a_receipt_counts_once_and_the_first_final_status_stands() throws Exception {
        String id = sentSms(ApiFixture.newPhone());

        List<HttpResponse<String>> answers = List.of(believed(receipt(id, "sent")),
                believed(receipt(id, "delivered")),
                believed(receipt(id, "delivered")),
                later(Duration.ofMinutes(1), receipt(id, "delivered")),
                believed(receipt(id, "undelivered", "absent-subscriber")));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
            assertThat(answer.body()).isEmpty();
        });
        Delivery delivery = api.challenges().getChallenge(challengeOf(id)).getDelivery();
        assertThat(delivery.getReceipt().getStatus()).isEqualTo("delivered");
        assertThat(delivery.getReceipt().getErrorCode()).isNull();
        assertThat(audit.where("challenge_id", challengeOf(id))).extracting(AuditRows::decision)
                .filteredOn(decision -> decision.startsWith("message.delivered")
                        || decision.startsWith("message.undelivered")).containsExactly("message.delivered");
    }

    @Test
    void a_signed_callback_that_names_no_message_is_a_bad_request() {
        HttpResponse<String> answer = believed("{\"status\":\"delivered\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("urn:plmr:mfa-totp:api:BAD_REQUEST");
    }

    /** The gateway answers every message to {@code phone} with {@code id}. */
    private void acceptsMessagesTo(String phone, String id) {
        gateway.stubFor(post(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"" + id + "\", \"status\": \"accepted\"}")));
    }

    /** An SMS the gateway accepted under a fresh id of its own, sent. */
    private String sentSms(String phone) throws ApiException {
        String id = "gw-" + UUID.randomUUID();
        acceptsMessagesTo(phone, id);
        String user = api.newUser(phone, null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        assertThat(initiate(user, challenge).statusCode()).isEqualTo(200);
        dispatcher.dispatchDue();
        challengesById.put(id, challenge);
        return id;
    }

    private String challengeOf(String id) {
        return challengesById.get(id);
    }

    /**
     * The handset's report reaches the gateway, which then posts the signed callback to the service on
     * a thread of its own. The test brings the report about once the send is recorded: a callback can
     * only name a message the service knows it sent.
     */
    private void gatewayReports(String id, String body) throws Exception {
        String report = "/reports/" + id;
        gateway.stubFor(post(urlEqualTo(report)).willReturn(aResponse().withStatus(204))
                .withServeEventListener("webhook", webhook().withMethod("POST")
                        .withUrl(server.getURI().resolve(CALLBACK).toString())
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Mfa-Signature", signature(clock.instant(), body, SECRET))
                        .withBody(body)));
        HttpResponse<Void> reported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + report))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(reported.statusCode()).isEqualTo(204);
    }

    /** Waits for the receipt's audit event, not for time to pass, and answers the challenge's delivery. */
    private Delivery receiptArrived(String id, String type) throws Exception {
        String challenge = challengeOf(id);
        published.await(event -> event.type().code().equals(type)
                && event.subject().challengeId().filter(challenge::equals).isPresent(), Duration.ofSeconds(30));
        return api.challenges().getChallenge(challenge).getDelivery();
    }

    private HttpResponse<String> initiate(String user, String challenge) {
        return http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", TestTokens.user(user), null);
    }

    private Set<String> refusedEvents() {
        return Set.copyOf(audit.where("type", "receipt.refused").stream().map(event -> event.get("id")).toList());
    }

    /** A callback signed now, by the service's clock, with the configured secret. */
    private HttpResponse<String> believed(String body) {
        return callback(body, signature(clock.instant(), body, SECRET));
    }

    private HttpResponse<String> later(Duration after, String body) {
        clock.advance(after);
        return believed(body);
    }

    private HttpResponse<String> callback(String body, String signature) {
        return signature == null ? http.send("POST", CALLBACK, null, "application/json", body)
                : http.send("POST", CALLBACK, null, "application/json", body, "X-Mfa-Signature", signature);
    }

    private static String receipt(String id, String status) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}";
    }

    private static String receipt(String id, String status, String errorCode) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"errorCode\":\"" + errorCode + "\"}";
    }

    /** The gateway's header as docs/delivery.md describes it: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    static String signature(Instant at, String body, String secret) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = at.getEpochSecond() + "." + body;
            return "t=" + at.getEpochSecond() + ",v1="
                    + HexFormat.of().formatHex(hmac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
