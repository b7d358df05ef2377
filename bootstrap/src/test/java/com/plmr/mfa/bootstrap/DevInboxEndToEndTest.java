package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development inbox of the dev run: what the development sink received, as JSON for scripts
 * and as a page for people, with the e-mails' HTML bodies as sandboxed documents. Its absence
 * outside {@code dev} is in {@link ProductionStartTest}; the page in a real browser is
 * {@code .ci/dev-inbox.sh}.
 */
@MicronautTest(transactional = false, environments = "dev")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevInboxEndToEndTest implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    TestClock clock;

    private ApiFixture api;
    private RawHttp http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.isolatedProperties());
        properties.put("mfa.test.recording-sender", "false");
        // the dev run's own secret would refuse the test's tokens
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", TestTokens.SECRET);
        return properties;
    }

    @BeforeEach
    void setUp() {
        api = new ApiFixture(server);
        http = new RawHttp(server);
    }

    private JsonNode inbox(String query) throws IOException {
        HttpResponse<String> response = http.send("GET", "/dev/inbox.json" + query, null, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body()).get("messages");
    }

    @Test
    void a_code_sent_by_sms_is_listed_masked_and_verifies_the_challenge() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        Instant before = clock.instant();
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        dispatcher.dispatchDue();

        JsonNode sms = inbox("?since=" + before).get(0);

        assertThat(sms.get("channel").asText()).isEqualTo("sms");
        assertThat(sms.get("to").asText()).isEqualTo(phone.substring(0, 3) + " *** *** " + phone.substring(phone.length() - 2));
        assertThat(sms.get("code").asText()).matches("\\d{6}");
        assertThat(sms.get("text").asText()).contains(sms.get("code").asText()).contains("payment of EUR 40 to ACME");
        assertThat(sms.toString()).doesNotContain(phone);
        assertThat(sms.has("htmlUrl") && !sms.get("htmlUrl").isNull()).isFalse();
        Challenge verified = api.sms(user).verifySms(challenge.getChallengeId(),
                new VerifyOtpRequest().totp(sms.get("code").asText()));
        assertThat(verified.getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @Test
    void the_newest_message_comes_first_and_an_email_brings_its_subject_and_html() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        String user = api.newUser(ApiFixture.newPhone(), "inbox-" + System.nanoTime() + "@example.com");
        Instant before = clock.instant();
        api.sms(user).initiateSms(api.newChallenge(user, ChallengeMethod.SMS).getChallengeId(), null);
        dispatcher.dispatchDue();
        api.email(user).initiateEmail(api.newChallenge(user, ChallengeMethod.EMAIL).getChallengeId(), "de");
        dispatcher.dispatchDue();

        JsonNode messages = inbox("?since=" + URLEncoder.encode(before.toString(), StandardCharsets.UTF_8));

        assertThat(messages).hasSize(2);
        JsonNode email = messages.get(0);
        assertThat(email.get("channel").asText()).isEqualTo("email");
        assertThat(email.get("to").asText()).matches("i\\*\\*\\*@example\\.com");
        assertThat(email.get("locale").asText()).isEqualTo("de");
        assertThat(email.get("subject").asText()).isEqualTo("Ihr Sicherheitscode");
        assertThat(email.get("code").asText()).matches("\\d{8}");
        assertThat(messages.get(1).get("channel").asText()).isEqualTo("sms");

        HttpResponse<String> html = http.send("GET", email.get("htmlUrl").asText(), null, null, null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(html.body()).contains(email.get("code").asText()).contains("<html lang=\"de\">");
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
                        + "frame-ancestors 'self'; sandbox");
        assertThat(html.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        String smsHtml = "/dev/inbox/messages/" + messages.get(1).get("id").asText() + ".html";
        assertThat(http.send("GET", smsHtml, null, null, null).statusCode()).as("an SMS has no HTML").isEqualTo(404);
        assertThat(http.send("GET", "/dev/inbox/messages/msg_unknown.html", null, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void scripts_can_ask_for_the_code_of_one_challenge_whatever_else_arrived_in_the_same_second() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        String user = api.newUser(ApiFixture.newPhone(), null);
        String first = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        String second = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        api.sms(user).initiateSms(first, null);
        api.sms(user).initiateSms(second, null);
        dispatcher.dispatchDue();

        JsonNode ofFirst = inbox("?challengeId=" + first);
        assertThat(ofFirst).hasSize(1);
        assertThat(ofFirst.get(0).get("challengeId").asText()).isEqualTo(first);
        assertThat(inbox("?since=" + clock.instant() + "&challengeId=" + second)).singleElement().satisfies(sms -> {
            assertThat(sms.get("challengeId").asText()).isEqualTo(second);
            assertThat(sms.get("id").asText()).isNotEqualTo(ofFirst.get(0).get("id").asText());
        });
        assertThat(inbox("?challengeId=ch_unknown")).isEmpty();
    }

    @Test
    void scripts_can_ask_for_what_arrived_from_an_instant_on() throws Exception {
        assertThat(inbox("?since=" + clock.instant().plusSeconds(3600))).isEmpty();

        HttpResponse<String> malformed = http.send("GET", "/dev/inbox.json?since=yesterday", null, null, null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("urn:plmr:mfa-totp:api:BAD_REQUEST");
    }

    @Test
    void the_page_loads_only_its_own_script_and_style_sheet_under_a_policy_that_allows_only_them() {
        HttpResponse<String> page = http.send("GET", "/dev/inbox", null, null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).contains("<script src=\"/dev/inbox/inbox.js\" defer></script>")
                .contains("<link rel=\"stylesheet\" href=\"/dev/inbox/inbox.css\">")
                .doesNotContain("style=").doesNotContain("<script>");

        HttpResponse<String> script = http.send("GET", "/dev/inbox/inbox.js", null, null, null);
        HttpResponse<String> styles = http.send("GET", "/dev/inbox/inbox.css", null, null, null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(script.body()).contains("/dev/inbox.json").doesNotContain("innerHTML");
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }
}
