package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.plmr.mfa.adapter.in.rest.Base32Decoding;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every log line of a whole flow, at TRACE for the service's own loggers and INFO for the
 * framework, holds no code, bearer token, phone number or e-mail address in clear; nor does any
 * response of the flow echo a token or a code it was not meant to return.
 */
@MicronautTest(transactional = false)
class NoSecretsInLogsTest extends EndToEndTest {

    private static final String PHONE = "+4915733322211";
    private static final String EMAIL = "secret.person@example.org";

    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    /** Everything at INFO, this service's own lines down to TRACE; the access log's kept off the build's console too. */
    @RegisterExtension
    final RecordedLog captured = RecordedLog.of(Logger.ROOT_LOGGER_NAME, Level.INFO).and("mfa.access", Level.INFO)
            .withLevel("io.micronaut", Level.INFO).withLevel("com.plmr", Level.TRACE);

    private final Map<String, String> database = TestDatabase.properties();

    @Override
    public Map<String, String> getProperties() {
        return database;
    }

    @Test
    void a_whole_flow_logs_no_code_token_phone_number_or_address() {
        String service = TestTokens.service("payments", TestTokens.ALL_SCOPES);
        String user = "u-" + UUID.randomUUID();
        String userToken = TestTokens.user(user);
        http.json("PUT", "/resources/v3alpha/users/" + user + "/phone", service, "{\"phone\":\"" + PHONE + "\"}");
        http.json("PUT", "/resources/v3alpha/users/" + user + "/email", userToken, "{\"email\":\"" + EMAIL + "\"}");
        String challenge = id(http.json("POST", "/internal/v1/mfa/challenges", service, "{\"userId\":\"" + user
                + "\",\"context\":{\"operation\":\"payment\",\"reference\":\"r-1\"},\"allowedMethods\":[\"sms\",\"email\"]}"));
        http.json("POST", "/internal/v1/mfa/totp-email/" + challenge + ":initiate", userToken, null);
        dispatcher.dispatchDue();
        clock.advance(java.time.Duration.ofSeconds(31));
        http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate", service, null);
        dispatcher.dispatchDue();
        String code = provider.lastTo(PHONE).orElseThrow().code().digits();
        String emailCode = provider.lastTo(EMAIL).orElseThrow().code().digits();
        HttpResponse<String> wrong = http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":verify", userToken,
                "{\"totp\":\"" + (code.startsWith("0") ? "1" : "0") + code.substring(1) + "\"}");
        HttpResponse<String> verified = http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":verify",
                userToken, "{\"totp\":\"" + code + "\"}");
        HttpResponse<String> consumed = http.json("POST", "/internal/v1/mfa/challenges/" + challenge + ":consume",
                service, null);
        http.json("GET", "/internal/v1/mfa/challenges/" + challenge, "tampered" + userToken, null);
        http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":verify", userToken,
                "{\"totp\":{\"code\":\"" + code + "\",\"phone\":\"" + PHONE + "\"}}");

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(consumed.statusCode()).isEqualTo(200);
        String everything = logText();
        assertThat(captured.events()).isNotEmpty();
        for (String secret : List.of(code, emailCode, service, userToken, signature(service), signature(userToken),
                PHONE, PHONE.substring(1), EMAIL, "secret.person")) {
            assertThat(everything).doesNotContain(secret);
        }
        assertThat(wrong.body() + verified.body() + consumed.body()).doesNotContain(code).doesNotContain(userToken);
        String audited = new AuditRows(database).where("user_id", user).toString();
        assertThat(captured.events()).anySatisfy(event -> assertThat(event.getLoggerName()).isEqualTo(AuditLogLine.LOGGER));
        assertThat(audited).contains("verify.succeeded", "message.sent", "factor.added");
        for (String secret : List.of(code, emailCode, service, userToken, signature(service), signature(userToken),
                PHONE, PHONE.substring(1), EMAIL, "secret.person")) {
            assertThat(audited).doesNotContain(secret);
        }
    }

    @Test
    void an_authenticator_app_registration_and_its_codes_never_reach_the_log() {
        String user = "u-" + UUID.randomUUID();
        String userToken = TestTokens.user(user);
        HttpResponse<String> started = http.json("POST", "/resources/v3alpha/users/" + user + "/totp", userToken, "{}");
        String secret = field(started.body(), "secret");
        String totpId = field(started.body(), "totpId");
        Totp totp = new Totp(TotpParameters.defaults());
        String code = totp.codeAt(TotpSecret.of(Base32Decoding.decode(secret)), totp.timeStep(clock.instant()));
        HttpResponse<String> verified = http.json("POST", "/resources/v3alpha/users/" + user + "/totp/" + totpId
                + "/_verify", userToken, "{\"code\":\"" + code + "\"}");
        http.json("POST", "/resources/v3alpha/users/" + user + "/totp/" + totpId + "/_verify", userToken,
                "{\"code\":\"" + code + "\"}");

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(logText()).doesNotContain(secret).doesNotContain(secret.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain(code).doesNotContain(signature(userToken));
        assertThat(new AuditRows(database).where("user_id", user).toString()).contains("factor.verified")
                .doesNotContain(secret).doesNotContain(secret.toLowerCase(java.util.Locale.ROOT)).doesNotContain(code);
    }

    @Test
    void recovery_codes_never_reach_the_log_or_the_audit_trail() {
        String user = "u-" + UUID.randomUUID();
        String userToken = TestTokens.user(user);
        HttpResponse<String> generated = http.json("POST", "/resources/v3alpha/users/" + user + "/recovery_codes",
                userToken, null);
        List<String> codes = new ArrayList<>();
        TotpClients.json(generated.body()).get("codes").forEach(code -> codes.add(code.asText()));
        HttpResponse<String> created = http.json("POST", "/internal/v1/mfa/challenges",
                TestTokens.service("payments", TestTokens.ALL_SCOPES), "{\"userId\":\"" + user
                        + "\",\"context\":{\"operation\":\"payment\",\"reference\":\"r-1\"},"
                        + "\"allowedMethods\":[\"recovery\"]}");
        for (String typed : List.of("2222-2222-2222", codes.get(0), codes.get(0))) {
            http.json("POST", "/internal/v1/mfa/recovery-code/" + id(created) + ":verify", userToken,
                    "{\"code\":\"" + typed + "\"}");
        }

        assertThat(codes).hasSize(10);
        String audit = new AuditRows(database).where("user_id", user).toString();
        assertThat(audit).contains("recovery_code.used");
        for (String each : codes) {
            assertThat(logText()).doesNotContain(each).doesNotContain(each.replace("-", ""));
            assertThat(audit).doesNotContain(each).doesNotContain(each.replace("-", ""));
        }
    }

    @Test
    void a_failure_is_logged_with_the_request_id_the_caller_sees() {
        HttpResponse<String> failed = http.send("GET", "/internal/v1/test-only/failure", null, null, null,
                "X-Request-Id", "trace-me-4711");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("\"requestId\":\"trace-me-4711\"");
        assertThat(captured.events()).filteredOn(event -> event.getLevel() == Level.ERROR
                        && event.getFormattedMessage().contains("failure"))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "trace-me-4711"));
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(value.find()).as(name + " in " + json.replaceAll("\"secret\":\"[^\"]+\"", "")).isTrue();
        return value.group(1);
    }

    private String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : captured.events()) {
            text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append(' ')
                    .append(event.getMDCPropertyMap()).append(' ').append(event.getKeyValuePairs()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return text.toString();
    }

    private static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }

    private static String id(HttpResponse<String> created) {
        Matcher matcher = Pattern.compile("\"challengeId\":\"([^\"]+)\"").matcher(created.body());
        assertThat(matcher.find()).as(created.body()).isTrue();
        return matcher.group(1);
    }
}
