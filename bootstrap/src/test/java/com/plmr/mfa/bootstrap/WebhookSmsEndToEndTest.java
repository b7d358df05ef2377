package com.plmr.mfa.bootstrap;

import com.github.tomakehurst.wiremock.matching.ContentPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;

/** SMS through the generic JSON webhook, played by WireMock: bearer token and Idempotency-Key. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookSmsEndToEndTest extends SmsGatewayEndToEndTest {

    @Override
    Map<String, String> gatewayProperties(String baseUrl) {
        return Map.of("mfa.notify.sms.provider", "webhook",
                "mfa.notify.sms.webhook.url", baseUrl + path(),
                "mfa.notify.sms.webhook.bearer-token", "hook-secret",
                "mfa.notify.sms.webhook.connect-timeout", "1s",
                "mfa.notify.sms.webhook.request-timeout", REQUEST_TIMEOUT.toMillis() + "ms");
    }

    @Override
    String path() {
        return "/hooks/sms";
    }

    @Override
    ContentPattern<?> toPhone(String phone) {
        return matchingJsonPath("$.to", equalTo(phone));
    }

    @Override
    String idempotencyHeader() {
        return "Idempotency-Key";
    }

    @Override
    String acceptedBody() {
        return "{\"id\": \"gw-4711\"}";
    }

    @Override
    String smsText(LoggedRequest request) {
        String json = request.getBodyAsString();
        int start = json.indexOf("\"body\":\"") + "\"body\":\"".length();
        return json.substring(start, json.indexOf('"', start));
    }
}
