package com.plmr.mfa.bootstrap;

import com.github.tomakehurst.wiremock.matching.ContentPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;

/** SMS through Twilio's Messages API, played by WireMock: form-encoded, Basic auth, idempotency token. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwilioSmsEndToEndTest extends SmsGatewayEndToEndTest {

    @Override
    Map<String, String> gatewayProperties(String baseUrl) {
        return Map.of("mfa.notify.sms.provider", "twilio",
                "mfa.notify.sms.twilio.base-url", baseUrl,
                "mfa.notify.sms.twilio.account-sid", "AC0123456789",
                "mfa.notify.sms.twilio.auth-token", "test-auth-token",
                "mfa.notify.sms.twilio.from", "+15005550006",
                "mfa.notify.sms.twilio.connect-timeout", "1s",
                "mfa.notify.sms.twilio.request-timeout", REQUEST_TIMEOUT.toMillis() + "ms");
    }

    @Override
    String path() {
        return "/2010-04-01/Accounts/AC0123456789/Messages.json";
    }

    @Override
    ContentPattern<?> toPhone(String phone) {
        return containing("To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8) + "&");
    }

    @Override
    String idempotencyHeader() {
        return "I-Twilio-Idempotency-Token";
    }

    @Override
    String acceptedBody() {
        return "{\"sid\": \"SM0123456789abcdef\", \"status\": \"queued\"}";
    }

    @Override
    String smsText(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&"))
                .filter(field -> field.startsWith("Body="))
                .map(field -> URLDecoder.decode(field.substring("Body=".length()), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }
}
