package com.plmr.mfa.adapter.out.notify.sms;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.plmr.mfa.adapter.out.notify.FreePort;
import com.plmr.mfa.adapter.out.notify.LogCapture;
import com.plmr.mfa.adapter.out.notify.MessageTemplates;
import com.plmr.mfa.adapter.out.notify.TestMessages;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.plmr.mfa.adapter.out.notify.TestMessages.CODE;
import static com.plmr.mfa.adapter.out.notify.TestMessages.PHONE;
import static com.plmr.mfa.adapter.out.notify.TestMessages.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSmsSenderTest {

    private static final String PATH = "/hooks/sms";
    private static final String TOKEN = "hook-secret";

    @RegisterExtension
    static final WireMockExtension GATEWAY = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    private static String url() {
        return "http://127.0.0.1:" + GATEWAY.getPort() + PATH;
    }

    private WebhookSmsSender sender(String url, String token, Duration requestTimeout) {
        return new WebhookSmsSender(new WebhookProperties(url, token, Duration.ofSeconds(1), requestTimeout, null, null), templates);
    }

    private WebhookSmsSender sender() {
        return sender(url(), TOKEN, Duration.ofSeconds(30));
    }

    private static void respond(int status, String body) {
        GATEWAY.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void an_accepted_message_posts_the_json_with_idempotency_key_and_bearer_token_and_keeps_the_gateways_id() {
        respond(200, "{\"id\":\"gw-77\",\"status\":\"queued\"}");
        CodeMessage message = TestMessages.sms("en", SUMMARY);

        SendOutcome outcome = sender().send(message);

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("gw-77"));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Idempotency-Key", equalTo("idem-sms-1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"messageId\":\"msg-sms-1\",\"to\":\"" + PHONE + "\",\"body\":"
                        + "\"Code 493817 to approve: payment of EUR 40 to ACME. Valid 5 minutes. Never share it.\"}")));
    }

    @Test
    void without_a_token_no_authorization_header_is_sent() {
        respond(200, "{}");

        sender(url(), null, Duration.ofSeconds(30)).send(TestMessages.sms("en", null));

        GATEWAY.verify(1, postRequestedFor(urlEqualTo(PATH)).withoutHeader("Authorization"));
    }

    @Test
    void quotes_and_umlauts_in_the_text_are_sent_as_valid_json() {
        respond(202, "");

        sender().send(TestMessages.sms("de", "Zahlung \"Miete\" an Müller\\Söhne"));

        GATEWAY.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"messageId\":\"msg-sms-1\","
                + "\"to\":\"" + PHONE + "\",\"body\":\"Code 493817 zur Freigabe: Zahlung \\\"Miete\\\" an "
                + "Müller\\\\Söhne. Gültig 5 Minuten. Niemals weitergeben.\"}")));
    }

    @Test
    void without_an_id_in_the_response_the_message_id_is_the_provider_message_id() {
        respond(202, "");
        assertThat(sender().send(TestMessages.sms("en", null))).isEqualTo(new SendOutcome.Accepted("msg-sms-1"));

        respond(200, "[\"not\", \"an object\"]");
        assertThat(sender().send(TestMessages.sms("en", null))).isEqualTo(new SendOutcome.Accepted("msg-sms-1"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void a_4xx_is_a_permanent_failure(int status) {
        respond(status, "{\"error\":\"invalid number " + PHONE + "\"}");

        assertThat(sender().send(TestMessages.sms("en", null)))
                .isEqualTo(new SendOutcome.PermanentFailure("webhook http " + status));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503})
    void too_many_requests_and_server_errors_are_transient_failures(int status) {
        respond(status, "");

        assertThat(sender().send(TestMessages.sms("en", null)))
                .isEqualTo(new SendOutcome.TransientFailure("webhook http " + status));
    }

    @Test
    void a_response_slower_than_the_request_timeout_is_a_transient_failure() {
        GATEWAY.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

        assertThat(sender(url(), TOKEN, Duration.ofMillis(300)).send(TestMessages.sms("en", null)))
                .isEqualTo(new SendOutcome.TransientFailure("webhook request timeout"));
    }

    @Test
    void a_slow_response_within_the_request_timeout_is_accepted() {
        GATEWAY.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("{\"id\":42}")
                .withFixedDelay(200)));

        assertThat(sender(url(), TOKEN, Duration.ofSeconds(30)).send(TestMessages.sms("en", null)))
                .isEqualTo(new SendOutcome.Accepted("42"));
    }

    @Test
    void a_refused_connection_is_a_transient_failure() {
        String closed = "http://127.0.0.1:" + FreePort.closedLoopbackPort() + PATH;

        assertThat(sender(closed, TOKEN, Duration.ofSeconds(30)).send(TestMessages.sms("en", null)))
                .isEqualTo(new SendOutcome.TransientFailure("webhook connection failed"));
    }

    @Test
    void neither_the_code_nor_the_number_nor_the_token_is_logged() {
        try (LogCapture logs = new LogCapture()) {
            respond(400, "{\"error\":\"bad number " + PHONE + "\"}");
            sender().send(TestMessages.sms("en", SUMMARY));
            respond(200, "{\"id\":\"gw-1\"}");
            sender().send(TestMessages.sms("en", SUMMARY));

            assertThat(logs.lines()).hasSize(2);
            assertThat(logs.all()).contains("msg-sms-1").doesNotContain(CODE, PHONE, TOKEN);
        }
    }

    @Test
    void it_needs_an_absolute_http_url() {
        assertThatThrownBy(() -> sender(null, null, Duration.ofSeconds(1)))
                .hasMessage("mfa.notify.sms.webhook.url is required");
        assertThatThrownBy(() -> sender("/relative", null, Duration.ofSeconds(1)))
                .hasMessageContaining("mfa.notify.sms.webhook.url must be an absolute http(s) URL");
    }

    @Test
    void it_handles_sms_only() {
        assertThat(sender().handles(Channel.SMS)).isTrue();
        assertThat(sender().handles(Channel.EMAIL)).isFalse();
    }
}
