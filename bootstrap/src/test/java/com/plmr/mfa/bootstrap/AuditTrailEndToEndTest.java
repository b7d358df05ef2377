package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plmr.mfa.adapter.in.rest.Base32Decoding;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every decision of the service, taken over HTTP on the real database, leaves its audit event: the
 * row, stored with the decision, and one line on {@code mfa.audit}. Refusals that change no row are
 * recorded too, those taken before any transaction included.
 */
@MicronautTest(transactional = false)
class AuditTrailEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = TestTokens.service("payments", TestTokens.ALL_SCOPES);

    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    RecordingSender provider;
    @Inject
    MeterRegistry meters;

    private final Map<String, String> database = TestDatabase.properties();
    private final AuditRows audit = new AuditRows(database);
    @RegisterExtension
    final RecordedLog lines = RecordedLog.of(AuditLogLine.LOGGER, Level.INFO);

    @Override
    public Map<String, String> getProperties() {
        return database;
    }

    private String newUser(String phone) {
        String user = "u-" + UUID.randomUUID();
        http.json("PUT", "/resources/v3alpha/users/" + user + "/phone", SERVICE, "{\"phone\":\"" + phone + "\"}");
        return user;
    }

    private String challenge(String user, String methods) {
        HttpResponse<String> created = http.json("POST", "/internal/v1/mfa/challenges", SERVICE, "{\"userId\":\"" + user
                + "\",\"context\":{\"operation\":\"payment\",\"reference\":\"r-1\"},\"allowedMethods\":[" + methods + "]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TotpClients.json(created.body()).get("challengeId").asText();
    }

    private HttpResponse<String> verifySms(String challenge, String token, String code) {
        return http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":verify", token,
                "{\"totp\":\"" + code + "\"}");
    }

    @Test
    void a_whole_sms_flow_records_each_state_change_and_refusal_of_its_challenge() {
        String phone = ApiFixture.newPhone();
        String user = newUser(phone);
        String userToken = TestTokens.user(user);
        String challenge = challenge(user, "\"sms\"");
        http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", userToken, null);
        http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", userToken, null);
        http.json("POST", "/internal/v1/mfa/totp-email/" + challenge + ":initiate", userToken, null);
        dispatcher.dispatchDue();
        String code = provider.lastTo(phone).orElseThrow().code().digits();
        verifySms(challenge, userToken, (code.startsWith("0") ? "1" : "0") + code.substring(1));
        verifySms(challenge, TestTokens.user("u-someone-else"), code);
        verifySms(challenge, userToken, code);
        http.json("POST", "/internal/v1/mfa/challenges/" + challenge + ":cancel", SERVICE, null);
        http.json("POST", "/internal/v1/mfa/challenges/" + challenge + ":consume", SERVICE, null);
        http.json("POST", "/internal/v1/mfa/challenges/" + challenge + ":consume", SERVICE, null);

        assertThat(audit.where("challenge_id", challenge).stream().map(AuditRows::decision)).containsExactlyInAnyOrder(
                "challenge.created", "code.issued", "message.queued", "code.refused/resend_cooldown",
                "code.refused/method_not_allowed", "message.sent", "verify.refused/code_wrong",
                "verify.refused/subject_mismatch", "verify.succeeded", "challenge.cancel_refused/challenge_verified",
                "challenge.consumed", "challenge.consume_refused/challenge_consumed");
        assertThat(audit.where("challenge_id", challenge)).allSatisfy(event -> {
            assertThat(event.get("user_id")).isEqualTo(user);
            assertThat(event.values()).doesNotContain(code, phone);
        });
        Map<String, String> sent = audit.where("challenge_id", challenge).stream()
                .filter(event -> event.get("type").equals("message.sent")).findFirst().orElseThrow();
        assertThat(sent).containsEntry("actor_kind", "SYSTEM").containsEntry("method", "SMS");
        assertThat(sent.get("destination")).startsWith(phone.substring(0, 3)).endsWith(phone.substring(phone.length() - 2))
                .contains("*");
        Map<String, String> mismatch = audit.where("challenge_id", challenge).stream()
                .filter(event -> "subject_mismatch".equals(event.get("reason"))).findFirst().orElseThrow();
        assertThat(mismatch).containsEntry("actor_kind", "USER").containsEntry("actor_id", "u-someone-else");
        assertThat(audit.where("challenge_id", challenge)).filteredOn(event -> event.get("type").equals("challenge.created"))
                .singleElement().satisfies(event -> assertThat(event).containsEntry("actor_kind", "SERVICE")
                        .containsEntry("actor_id", "payments"));
    }

    @Test
    void the_last_wrong_code_locks_the_challenge_and_refusals_before_any_transaction_are_recorded() {
        String user = newUser(ApiFixture.newPhone());
        String challenge = challenge(user, "\"sms\"");
        String userToken = TestTokens.user(user);
        http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", userToken, null);
        for (int attempt = 0; attempt < 6; attempt++) {
            verifySms(challenge, userToken, attempt % 2 == 0 ? "000000" : "999999");
        }
        HttpResponse<String> refused = http.json("POST", "/internal/v1/mfa/challenges", TestTokens.service("reports",
                "mfa.challenges.read"), "{\"userId\":\"" + user + "\",\"context\":{\"operation\":\"payment\","
                + "\"reference\":\"r-2\"}}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(audit.decisionsOf(user)).containsExactlyInAnyOrder("factor.added", "challenge.created",
                "code.issued", "message.queued", "verify.refused/code_wrong", "verify.refused/code_wrong",
                "verify.refused/code_wrong", "verify.refused/code_wrong", "verify.refused/code_wrong",
                "challenge.locked/attempts_exhausted", "verify.refused/challenge_locked",
                "challenge.create_refused/scope_missing");
    }

    @Test
    void an_authenticator_app_records_its_enrolment_its_drift_its_refusals_and_its_removal() {
        String user = "u-" + UUID.randomUUID();
        String userToken = TestTokens.user(user);
        HttpResponse<String> started = http.json("POST", "/resources/v3alpha/users/" + user + "/totp", userToken, "{}");
        JsonNode registration = TotpClients.json(started.body());
        String totpId = registration.get("totpId").asText();
        Totp totp = new Totp(TotpParameters.defaults());
        TotpSecret secret = TotpSecret.of(Base32Decoding.decode(registration.get("secret").asText()));
        long now = totp.timeStep(clock.instant());
        String path = "/resources/v3alpha/users/" + user + "/totp/" + totpId;
        http.json("POST", path + "/_verify", userToken, "{\"code\":\"" + totp.codeAt(secret, now - 1) + "\"}");
        http.json("POST", path + "/_verify", userToken, "{\"code\":\"" + totp.codeAt(secret, now - 1) + "\"}");
        http.json("DELETE", path, TestTokens.user("u-another"), null);
        http.json("DELETE", path, userToken, null);

        List<Map<String, String>> events = audit.where("user_id", user);
        assertThat(events.stream().map(AuditRows::decision)).containsExactlyInAnyOrder("factor.added",
                "totp.clock_drift_suspected", "factor.verified", "factor.verify_refused/code_replayed",
                "factor.change_refused/subject_mismatch", "factor.removed");
        assertThat(events).allSatisfy(event -> {
            assertThat(event).containsEntry("factor_id", totpId).containsEntry("method", "APP");
            assertThat(event.values()).doesNotContain(registration.get("secret").asText());
        });
        assertThat(events).filteredOn(event -> event.get("type").equals("totp.clock_drift_suspected")).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("steps_off", "-1"));
    }

    @Test
    void contacts_record_their_masked_destination_and_an_erasure_pseudonymises_the_users_events() {
        String phone = ApiFixture.newPhone();
        String user = newUser(phone);
        http.json("PUT", "/resources/v3alpha/users/" + user + "/phone", TestTokens.user(user),
                "{\"phone\":\"" + ApiFixture.newPhone() + "\"}");
        http.json("PUT", "/resources/v3alpha/users/" + user + "/email", TestTokens.user("u-not-them"),
                "{\"email\":\"x@example.com\"}");
        http.json("DELETE", "/resources/v3alpha/users/" + user + "/phone", SERVICE, null);
        assertThat(audit.decisionsOf(user)).containsExactlyInAnyOrder("factor.added", "factor.changed",
                "factor.change_refused/subject_mismatch", "factor.removed");
        assertThat(audit.where("user_id", user)).filteredOn(event -> event.get("type").equals("factor.added"))
                .singleElement().satisfies(event -> assertThat(event.get("destination")).contains("*")
                        .doesNotContain(phone.substring(3, phone.length() - 2)));

        HttpResponse<String> erased = http.json("DELETE", "/resources/v3alpha/users/" + user,
                TestTokens.service("privacy-desk", "mfa.users.erase"), null);

        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(audit.where("user_id", user)).isEmpty();
        assertThat(audit.where("actor_id", user)).isEmpty();
        List<Map<String, String>> erasure = audit.where("type", "user.erased");
        String pseudonym = erasure.stream().filter(event -> event.get("actor_id").equals("privacy-desk"))
                .map(event -> event.get("user_id")).filter(id -> audit.where("user_id", id).size() == 5)
                .findFirst().orElseThrow();
        assertThat(pseudonym).startsWith("erased:").doesNotContain(user);
        assertThat(audit.where("user_id", pseudonym)).allSatisfy(event -> assertThat(event.get("destination")).isNull());
    }

    @Test
    void each_committed_event_is_one_line_whose_json_form_carries_every_field() throws Exception {
        String user = newUser(ApiFixture.newPhone());
        String challenge = challenge(user, "\"sms\"");
        http.send("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", TestTokens.user(user),
                null, null, "X-Request-Id", "audit-line-7");

        List<ILoggingEvent> initiate = lines.events().stream().filter(line -> line.getKeyValuePairs().stream()
                .anyMatch(pair -> pair.key.equals("requestId") && pair.value.equals("audit-line-7"))).toList();
        assertThat(initiate).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("code.issued userId=" + user + " challengeId=" + challenge
                        + " method=sms"))
                .anySatisfy(line -> assertThat(line).startsWith("message.queued"))
                .allSatisfy(line -> assertThat(line).containsPattern(" destination=\"\\+49 \\*+ \\*+ \\d\\d\""));
        LogLineEncoder encoder = new LogLineEncoder();
        encoder.setFormat("json");
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.start();
        JsonNode json = JSON.readTree(new String(encoder.encode(initiate.get(0)), StandardCharsets.UTF_8));
        assertThat(json.at("/loggerName").asText()).isEqualTo(AuditLogLine.LOGGER);
        assertThat(json.toString()).contains("\"requestId\":\"audit-line-7\"", "\"type\":\"code.issued\"", "\"challengeId\":\"" + challenge + "\"",
                "\"userId\":\"" + user + "\"", "\"method\":\"sms\"", "\"actor\":\"user:" + user + "\"");
        assertThat(audit.where("request_id", "audit-line-7")).hasSize(2);
    }

    private JsonNode page(String token, String query) {
        HttpResponse<String> answer = http.json("GET", "/resources/v3alpha/audit-events?" + query, token, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return TotpClients.json(answer.body());
    }

    private static List<String> decisions(JsonNode page) {
        List<String> decisions = new java.util.ArrayList<>();
        page.get("events").forEach(event -> decisions.add(event.get("type").asText()
                + (event.has("reason") ? "/" + event.get("reason").asText() : "")));
        return decisions;
    }

    @Test
    void a_service_with_the_audit_scope_reads_a_challenges_and_a_users_events_as_stored_and_by_type_and_time() {
        String reader = TestTokens.service("fraud-desk", "mfa.audit.read");
        String user = newUser(ApiFixture.newPhone());
        clock.advance(Duration.ofSeconds(1));
        java.time.Instant created = clock.instant();
        String challenge = challenge(user, "\"sms\"");
        clock.advance(Duration.ofSeconds(1));
        verifySms(challenge, TestTokens.user(user), "000000");
        clock.advance(Duration.ofSeconds(1));
        http.json("POST", "/internal/v1/mfa/challenges/" + challenge + ":cancel", SERVICE, null);

        JsonNode ofChallenge = page(reader, "challengeId=" + challenge);
        assertThat(decisions(ofChallenge)).containsExactly("challenge.created", "verify.refused/code_not_issued",
                "challenge.cancelled");
        assertThat(ofChallenge.has("nextPageToken")).isFalse();
        JsonNode first = ofChallenge.get("events").get(0);
        assertThat(first.get("id").asText()).startsWith("evt_");
        assertThat(first.get("time").asText()).isEqualTo(created.toString());
        assertThat(first.get("actor").get("kind").asText()).isEqualTo("service");
        assertThat(first.get("actor").get("id").asText()).isEqualTo("payments");
        assertThat(first.get("userId").asText()).isEqualTo(user);
        assertThat(decisions(page(reader, "userId=" + user))).containsExactly("factor.added", "challenge.created",
                "verify.refused/code_not_issued", "challenge.cancelled");
        assertThat(decisions(page(reader, "userId=" + user + "&type=verify.refused")))
                .containsExactly("verify.refused/code_not_issued");
        assertThat(decisions(page(reader, "userId=" + user + "&from=" + created + "&to=" + created.plusSeconds(2))))
                .containsExactly("challenge.created", "verify.refused/code_not_issued");
        assertThat(page(reader, "userId=" + user).get("events").get(2).get("method").asText()).isEqualTo("sms");
    }

    @Test
    void pages_follow_each_other_in_time_and_id_order_each_event_once_the_last_without_a_token() {
        String reader = TestTokens.service("fraud-desk", "mfa.audit.read");
        String user = newUser(ApiFixture.newPhone());
        for (int i = 0; i < 6; i++) {
            http.json("PUT", "/resources/v3alpha/users/" + user + "/email", SERVICE,
                    "{\"email\":\"a" + i + "@example.com\"}");
        }
        List<String> all = new java.util.ArrayList<>();
        page(reader, "userId=" + user + "&pageSize=100").get("events").forEach(event -> all.add(event.get("id").asText()));
        assertThat(all).hasSize(7);

        List<String> paged = new java.util.ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = page(reader, "userId=" + user + "&pageSize=3" + (token == null ? "" : "&pageToken=" + token));
            page.get("events").forEach(event -> paged.add(event.get("id").asText()));
            assertThat(page.get("events").size()).isLessThanOrEqualTo(3);
            token = page.has("nextPageToken") ? page.get("nextPageToken").asText() : null;
            pages++;
        } while (token != null);

        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void refuses_users_services_without_the_scope_bad_tokens_and_pages_too_large_in_the_status_shape() {
        String user = newUser(ApiFixture.newPhone());
        for (String token : List.of(TestTokens.user(user), TestTokens.service("payments", "mfa.challenges.read"),
                TestTokens.service("payments", "mfa.challenges.read mfa.users.erase"))) {
            HttpResponse<String> refused = http.json("GET", "/resources/v3alpha/audit-events?userId=" + user, token,
                    null);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("\"code\":7");
        }
        String reader = TestTokens.service("fraud-desk", "mfa.audit.read");
        for (String query : List.of("pageToken=not-a-token", "pageSize=201", "pageSize=0", "from=yesterday",
                "userId=bad!id", "pageToken=" + java.util.Base64.getUrlEncoder().encodeToString("v1.x.y.z".getBytes()))) {
            HttpResponse<String> refused = http.json("GET", "/resources/v3alpha/audit-events?" + query, reader, null);
            assertThat(refused.statusCode()).as(query + " " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(query).contains("\"code\":3");
        }
    }

    @Test
    void every_decision_counter_is_registered_at_start_and_counts_each_committed_event_once() {
        assertThat(meters.find(AuditCounters.EVENTS).counters()).hasSize(AuditType.values().length * 5);
        assertThat(meters.find(AuditCounters.REFUSALS).counters()).hasSize(AuditReason.values().length);
        double refusedSms = meters.get(AuditCounters.EVENTS).tags("type", "verify.refused", "method", "sms").counter()
                .count();
        double wrongCodes = meters.get(AuditCounters.REFUSALS).tags("reason", "code_wrong", "abuse", "false").counter()
                .count();
        double cooldowns = meters.get(AuditCounters.REFUSALS).tags("reason", "resend_cooldown", "abuse", "true").counter()
                .count();
        String user = newUser(ApiFixture.newPhone());
        String challenge = challenge(user, "\"sms\"");
        http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", TestTokens.user(user), null);
        http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", TestTokens.user(user), null);
        verifySms(challenge, TestTokens.user(user), "000000");

        assertThat(meters.get(AuditCounters.EVENTS).tags("type", "verify.refused", "method", "sms").counter().count())
                .isEqualTo(refusedSms + 1);
        assertThat(meters.get(AuditCounters.REFUSALS).tags("reason", "code_wrong", "abuse", "false").counter().count())
                .isEqualTo(wrongCodes + 1);
        assertThat(meters.get(AuditCounters.REFUSALS).tags("reason", "resend_cooldown", "abuse", "true").counter()
                .count()).isEqualTo(cooldowns + 1);
    }

    @Test
    void the_dispatcher_records_a_code_that_expired_before_it_was_sent() {
        String user = newUser(ApiFixture.newPhone());
        String challenge = challenge(user, "\"sms\"");
        http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", TestTokens.user(user), null);
        clock.advance(Duration.ofHours(1));

        dispatcher.dispatchDue();

        assertThat(audit.where("challenge_id", challenge).stream().map(AuditRows::decision)).contains("message.expired");
    }
}
