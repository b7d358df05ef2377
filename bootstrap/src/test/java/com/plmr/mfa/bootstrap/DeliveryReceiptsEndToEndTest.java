package com.plmr.mfa.bootstrap;

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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wiremock.webhooks.Webhooks.webhook;

/**
 * Twilio's delivery receipts end to end, on the real database: WireMock plays Twilio, accepting the
 * message and then, as Twilio does, posting the signed status callback to the URL the service gave
 * it; the test computes each signature as Twilio documents it, with its own HMAC code. Unsigned and
 * wrongly signed callbacks are refused and audited; a believed callback answers alike whatever it
 * names; a receipt counts once.
 */
@MicronautTest(transactional = false)
class DeliveryReceiptsEndToEndTest extends EndToEndTest {

    /** The URL as Twilio reaches the service (through its load balancer), which Twilio signs. */
    private static final String CALLBACK_URL = "https://mfa.example.com/callbacks/v1/sms/twilio";
    private static final String ACCOUNT = "AC0123456789";
    private static final String AUTH_TOKEN = "receipts-test-auth-token";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    PublishedAuditEvents published;

    private final WireMockServer twilio = LocalGateway.started();
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final AuditRows audit = new AuditRows(database);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.test.recording-sender", "false");
        properties.put("mfa.notify.sms.provider", "twilio");
        properties.put("mfa.notify.sms.twilio.base-url", "http://127.0.0.1:" + twilio.port());
        properties.put("mfa.notify.sms.twilio.account-sid", ACCOUNT);
        properties.put("mfa.notify.sms.twilio.auth-token", AUTH_TOKEN);
        properties.put("mfa.notify.sms.twilio.from", "+15005550006");
        properties.put("mfa.notify.sms.twilio.status-callback-url", CALLBACK_URL);
        return properties;
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @AfterAll
    void stopTwilio() {
        twilio.stop();
    }

    @Test
    void twilios_signed_undelivered_callback_shows_on_the_challenge_is_audited_and_lifts_the_cooldown()
            throws Exception {
        String phone = ApiFixture.newPhone();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> callback = status(sid, "undelivered", phone);
        callback.put("ErrorCode", "30003");
        twilio.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(containing(URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\", \"status\": \"queued\"}")));
        String user = api.newUser(phone, null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        assertThat(initiate(user, challenge).statusCode()).isEqualTo(200);
        assertThat(initiate(user, challenge).statusCode()).as("the cooldown holds while the code is on its way")
                .isEqualTo(429);

        dispatcher.dispatchDue();

        LoggedRequest sent = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(containing(URLEncoder.encode(phone, StandardCharsets.UTF_8)))).get(0);
        assertThat(sent.getBodyAsString()).contains("StatusCallback=" + URLEncoder.encode(CALLBACK_URL, StandardCharsets.UTF_8));
        carrierReports(sid, callback);
        Delivery delivery = receiptArrived(challenge);
        assertThat(delivery.getStatus().getValue()).isEqualTo("sent");
        assertThat(delivery.getReceipt().getStatus()).isEqualTo("undelivered");
        assertThat(delivery.getReceipt().getErrorCode()).isEqualTo("30003");
        assertThat(audit.decisionsOf(user)).contains("message.sent", "message.undelivered");
        assertThat(initiate(user, challenge).statusCode()).as("no cooldown after an undelivered code").isEqualTo(200);
    }

    @Test
    void unsigned_and_wrongly_signed_callbacks_are_refused_and_audited_and_change_nothing() throws Exception {
        String sid = sentSms();
        Map<String, String> delivered = status(sid, "delivered", "+4915112345612");
        int refusedBefore = audit.where("type", "receipt.refused").size();

        HttpResponse<String> unsigned = callback(form(delivered), null);
        HttpResponse<String> foreign = callback(form(delivered), signature(CALLBACK_URL, "another-token", delivered));
        HttpResponse<String> elsewhere = callback(form(delivered),
                signature("https://attacker.example.com/callbacks/v1/sms/twilio", AUTH_TOKEN, delivered));
        Map<String, String> altered = new LinkedHashMap<>(delivered);
        altered.put("MessageStatus", "undelivered");
        HttpResponse<String> tampered = callback(form(altered), signature(CALLBACK_URL, AUTH_TOKEN, delivered));

        for (HttpResponse<String> refused : List.of(unsigned, foreign, elsewhere, tampered)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("urn:plmr:mfa-totp:api:FORBIDDEN");
        }
        assertThat(audit.where("type", "receipt.refused").subList(refusedBefore, refusedBefore + 4))
                .as("events of one second, in id order").extracting(AuditRows::decision)
                .containsExactlyInAnyOrder("receipt.refused/signature_missing",
                        "receipt.refused/signature_invalid", "receipt.refused/signature_invalid",
                        "receipt.refused/signature_invalid");
        assertThat(api.challenges().getChallenge(challengeOf(sid)).getDelivery().getReceipt()).isNull();
    }

    @Test
    void a_believed_callback_answers_alike_whatever_it_names_and_a_repeated_one_counts_once() throws Exception {
        String sid = sentSms();
        Map<String, String> delivered = status(sid, "delivered", "+4915112345612");
        Map<String, String> unknown = status("SM" + UUID.randomUUID().toString().replace("-", ""), "delivered",
                "+4915112345612");
        Map<String, String> intermediate = status(sid, "sent", "+4915112345612");

        List<HttpResponse<String>> answers = List.of(callback(form(intermediate), signature(CALLBACK_URL, AUTH_TOKEN, intermediate)),
                callback(form(delivered), signature(CALLBACK_URL, AUTH_TOKEN, delivered)),
                callback(form(delivered), signature(CALLBACK_URL, AUTH_TOKEN, delivered)),
                callback(form(unknown), signature(CALLBACK_URL, AUTH_TOKEN, unknown)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(204);
            assertThat(answer.body()).isEmpty();
        });
        String challenge = challengeOf(sid);
        assertThat(api.challenges().getChallenge(challenge).getDelivery().getReceipt().getStatus()).isEqualTo("delivered");
        assertThat(audit.where("challenge_id", challenge)).extracting(AuditRows::decision)
                .filteredOn(decision -> decision.startsWith("message.delivered")).hasSize(1);
    }

    @Test
    void a_signed_callback_that_names_no_message_is_a_bad_request() throws Exception {
        Map<String, String> nameless = new LinkedHashMap<>(Map.of("MessageStatus", "delivered"));

        HttpResponse<String> answer = callback(form(nameless), signature(CALLBACK_URL, AUTH_TOKEN, nameless));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("urn:plmr:mfa-totp:api:BAD_REQUEST");
    }

    private final Map<String, String> challengesBySid = new HashMap<>();

    /** An SMS Twilio accepted as a fresh sid, without a callback of its own. */
    private String sentSms() throws ApiException {
        String phone = ApiFixture.newPhone();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        twilio.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(containing(URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\"}")));
        String user = api.newUser(phone, null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        assertThat(initiate(user, challenge).statusCode()).isEqualTo(200);
        dispatcher.dispatchDue();
        challengesBySid.put(sid, challenge);
        return sid;
    }

    private String challengeOf(String sid) {
        return challengesBySid.get(sid);
    }

    /**
     * The carrier's report reaches Twilio, which then posts the signed status callback to the service on
     * a thread of its own. The test brings the report about once the send is recorded: a callback can
     * only name a message the service knows it sent.
     */
    private void carrierReports(String sid, Map<String, String> callback) throws Exception {
        String report = "/reports/" + sid;
        twilio.stubFor(post(urlEqualTo(report)).willReturn(aResponse().withStatus(204))
                .withServeEventListener("webhook", webhook().withMethod("POST")
                        .withUrl(server.getURI().resolve("/callbacks/v1/sms/twilio").toString())
                        .withHeader("Content-Type", "application/x-www-form-urlencoded")
                        .withHeader("X-Twilio-Signature", signature(CALLBACK_URL, AUTH_TOKEN, callback))
                        .withBody(form(callback))));
        HttpResponse<Void> reported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + twilio.port() + report))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(reported.statusCode()).isEqualTo(204);
    }

    /** WireMock posts the callback on a thread of its own once it has answered the report: wait for its event. */
    private Delivery receiptArrived(String challenge) throws Exception {
        published.await(event -> event.type().code().startsWith("message.")
                && event.type().code().endsWith("delivered")
                && event.subject().challengeId().filter(challenge::equals).isPresent(), Duration.ofSeconds(30));
        return api.challenges().getChallenge(challenge).getDelivery();
    }

    private HttpResponse<String> initiate(String user, String challenge) {
        return http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", TestTokens.user(user), null);
    }

    private HttpResponse<String> callback(String body, String signature) {
        return signature == null
                ? http.send("POST", "/callbacks/v1/sms/twilio", null, "application/x-www-form-urlencoded", body)
                : http.send("POST", "/callbacks/v1/sms/twilio", null, "application/x-www-form-urlencoded", body,
                "X-Twilio-Signature", signature);
    }

    private static Map<String, String> status(String sid, String status, String to) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("SmsSid", sid);
        parameters.put("SmsStatus", status);
        parameters.put("MessageStatus", status);
        parameters.put("To", to);
        parameters.put("MessageSid", sid);
        parameters.put("AccountSid", ACCOUNT);
        parameters.put("From", "+15005550006");
        parameters.put("ApiVersion", "2010-04-01");
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Twilio's webhook signature: Base64 HMAC-SHA1 under the auth token of the URL and the sorted name-value pairs. */
    static String signature(String url, String token, Map<String, String> parameters) throws Exception {
        StringBuilder signed = new StringBuilder(url);
        parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> signed.append(p.getKey()).append(p.getValue()));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
    }

}
