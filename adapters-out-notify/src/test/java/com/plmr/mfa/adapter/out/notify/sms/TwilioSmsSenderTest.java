package com.plmr.mfa.adapter.out.notify.sms;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.plmr.mfa.adapter.out.notify.FreePort;
import com.plmr.mfa.adapter.out.notify.Gsm7;
import com.plmr.mfa.adapter.out.notify.LogCapture;
import com.plmr.mfa.adapter.out.notify.MessageTemplates;
import com.plmr.mfa.adapter.out.notify.TestMessages;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.CodeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.plmr.mfa.adapter.out.notify.TestMessages.CODE;
import static com.plmr.mfa.adapter.out.notify.TestMessages.PHONE;
import static com.plmr.mfa.adapter.out.notify.TestMessages.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioSmsSenderTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef";
    private static final String AUTH_TOKEN = "twilio-token";
    private static final String FROM = "+15005550006";
    private static final String PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    @RegisterExtension
    static final WireMockExtension TWILIO = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    private static String baseUrl() {
        return "http://127.0.0.1:" + TWILIO.getPort();
    }

    private TwilioSmsSender sender(String baseUrl, String messagingServiceSid, Duration requestTimeout) {
        return new TwilioSmsSender(new TwilioProperties(baseUrl, ACCOUNT_SID, AUTH_TOKEN, FROM, messagingServiceSid,
                Duration.ofSeconds(1), requestTimeout, null), templates);
    }

    private TwilioSmsSender sender() {
        return sender(baseUrl(), null, Duration.ofSeconds(30));
    }

    private static void respond(int status, String body) {
        TWILIO.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void a_created_message_is_accepted_with_twilios_sid_after_posting_the_form_with_auth_and_idempotency_token() {
        respond(201, "{\"sid\":\"SM0123456789abcdef\",\"status\":\"queued\",\"to\":\"" + PHONE + "\"}");
        CodeMessage message = TestMessages.sms("en", SUMMARY);

        SendOutcome outcome = sender().send(message);

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("SM0123456789abcdef"));
        String basic = Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        TWILIO.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("I-Twilio-Idempotency-Token", equalTo("idem-sms-1"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo(PHONE))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo(
                        "Code 493817 to approve: payment of EUR 40 to ACME. Valid 5 minutes. Never share it.")));
    }

    @Test
    void german_text_arrives_intact() {
        respond(201, "{\"sid\":\"SM1\"}");

        sender().send(TestMessages.sms("de", "Überweisung an Müller & Söhne"));

        TWILIO.verify(postRequestedFor(urlEqualTo(PATH)).withFormParam("Body", equalTo(
                "Code 493817 zur Freigabe: Überweisung an Müller & Söhne. Gültig 5 Minuten. Niemals weitergeben.")));
    }

    @Test
    void a_payment_sms_carries_amount_and_payee_in_one_gsm7_segment() {
        respond(201, "{\"sid\":\"SM3\"}");

        sender().send(TestMessages.paymentSms("en", TestMessages.payment("1234.50", "EUR", "ACME GmbH")));

        String body = "Code 493817 to approve: €1,234.50 to ACME GmbH. Valid 5 minutes. Never share it.";
        TWILIO.verify(postRequestedFor(urlEqualTo(PATH)).withFormParam("Body", equalTo(body)));
        assertThat(Gsm7.count(body)).isEqualTo(new Gsm7.Count(Gsm7.Encoding.GSM7, 81, 1));
    }

    @Test
    void a_configured_messaging_service_is_sent_instead_of_the_from_number() {
        respond(201, "{\"sid\":\"SM2\"}");

        sender(baseUrl(), "MG0123456789abcdef", Duration.ofSeconds(30)).send(TestMessages.sms("en", null));

        List<LoggedRequest> requests = TWILIO.findAll(postRequestedFor(urlEqualTo(PATH))
                .withFormParam("MessagingServiceSid", equalTo("MG0123456789abcdef")));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getBodyAsString()).doesNotContain("From=");
    }

    @Test
    void a_2xx_without_sid_is_still_accepted_under_the_message_id() {
        respond(200, "not json");

        assertThat(sender().send(TestMessages.sms("en", null))).isEqualTo(new SendOutcome.Accepted("msg-sms-1"));
    }

    @Test
    void a_400_is_a_permanent_failure_naming_twilios_error_code_but_not_the_number() {
        respond(400, "{\"code\":21211,\"message\":\"The 'To' number " + PHONE + " is not a valid phone number.\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");

        SendOutcome outcome = sender().send(TestMessages.sms("en", null));

        assertThat(outcome).isEqualTo(new SendOutcome.PermanentFailure("twilio http 400 error 21211"));
    }

    @Test
    void rejected_credentials_are_a_permanent_failure() {
        respond(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");

        assertThat(sender().send(TestMessages.sms("en", null)))
                .isEqualTo(new SendOutcome.PermanentFailure("twilio http 401 error 20003"));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503})
    void too_many_requests_and_server_errors_are_transient_failures(int status) {
        respond(status, "{\"code\":20429,\"message\":\"Too Many Requests\"}");

        SendOutcome outcome = sender().send(TestMessages.sms("en", null));

        assertThat(outcome).isInstanceOf(SendOutcome.TransientFailure.class);
        assertThat(((SendOutcome.TransientFailure) outcome).reason()).startsWith("twilio http " + status);
    }

    @Test
    void a_response_slower_than_the_request_timeout_is_a_transient_failure() {
        TWILIO.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM3\"}")
                .withFixedDelay(2_000)));

        SendOutcome outcome = sender(baseUrl(), null, Duration.ofMillis(300)).send(TestMessages.sms("en", null));

        assertThat(outcome).isEqualTo(new SendOutcome.TransientFailure("twilio request timeout"));
    }

    @Test
    void a_slow_response_within_the_request_timeout_is_accepted() {
        TWILIO.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM4\"}")
                .withFixedDelay(200)));

        SendOutcome outcome = sender(baseUrl(), null, Duration.ofSeconds(30)).send(TestMessages.sms("en", null));

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("SM4"));
    }

    @Test
    void a_refused_connection_is_a_transient_failure() {
        SendOutcome outcome = sender("http://127.0.0.1:" + FreePort.closedLoopbackPort(), null, Duration.ofSeconds(30))
                .send(TestMessages.sms("en", null));

        assertThat(outcome).isEqualTo(new SendOutcome.TransientFailure("twilio connection failed"));
    }

    @Test
    void neither_the_code_nor_the_number_is_logged() {
        respond(400, "{\"code\":21211,\"message\":\"The 'To' number " + PHONE + " is not valid.\"}");
        try (LogCapture logs = new LogCapture()) {
            sender().send(TestMessages.sms("en", SUMMARY));
            respond(201, "{\"sid\":\"SM5\"}");
            sender().send(TestMessages.sms("en", SUMMARY));

            assertThat(logs.lines()).hasSize(2);
            assertThat(logs.all()).contains("msg-sms-1").doesNotContain(CODE, PHONE, AUTH_TOKEN);
        }
    }

    @Test
    void missing_settings_are_named_by_their_key() {
        assertThatThrownBy(() -> new TwilioSmsSender(new TwilioProperties("https://api.twilio.com", null, AUTH_TOKEN,
                FROM, null, Duration.ofSeconds(1), Duration.ofSeconds(1), null), templates))
                .hasMessage("mfa.notify.sms.twilio.account-sid is required");
        assertThatThrownBy(() -> new TwilioSmsSender(new TwilioProperties("https://api.twilio.com", ACCOUNT_SID, null,
                FROM, null, Duration.ofSeconds(1), Duration.ofSeconds(1), null), templates))
                .hasMessage("mfa.notify.sms.twilio.auth-token is required");
        assertThatThrownBy(() -> new TwilioSmsSender(new TwilioProperties("https://api.twilio.com", ACCOUNT_SID,
                AUTH_TOKEN, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1), null), templates))
                .hasMessageContaining("mfa.notify.sms.twilio.from");
        assertThatThrownBy(() -> new TwilioSmsSender(new TwilioProperties("ftp://x", ACCOUNT_SID, AUTH_TOKEN, FROM,
                null, Duration.ofSeconds(1), Duration.ofSeconds(1), null), templates))
                .hasMessageContaining("mfa.notify.sms.twilio.base-url");
    }

    @Test
    void the_auth_token_never_shows_in_the_settings_string() {
        assertThat(new TwilioProperties("https://api.twilio.com", ACCOUNT_SID, AUTH_TOKEN, FROM, null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), null).toString()).doesNotContain(AUTH_TOKEN, FROM);
    }
}
