package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service as it starts in production ({@code prod}, no test environment deduced): it refuses
 * the development keys published in this repository, starts with real ones, and then offers no
 * development token endpoint and accepts no HS256 development token.
 */
class ProductionStartTest {

    private static Map<String, Object> production(boolean realKeys) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("mfa.outbox.dispatcher.enabled", false);
        properties.put("mfa.notify.sms.provider", "webhook");
        properties.put("mfa.notify.sms.webhook.url", "http://127.0.0.1:9/sms");
        properties.put("mfa.notify.email.provider", "smtp");
        properties.put("mfa.notify.email.smtp.host", "127.0.0.1");
        properties.put("mfa.notify.email.smtp.from", "no-reply@example.com");
        if (realKeys) {
            properties.put("mfa.keys.code-hash", randomKey());
            properties.put("mfa.keys.secrets", "prod-1:" + randomKey());
            properties.put("mfa.keys.active-secret", "prod-1");
            properties.put("mfa.assertion.keys", TestAssertionKeys.example());
            properties.put("mfa.assertion.issuer", "https://mfa.example.com");
        }
        return properties;
    }

    private static EmbeddedServer start(Map<String, Object> properties) {
        return ApplicationContext.builder().environments("prod").deduceEnvironment(false)
                .properties(properties).run(EmbeddedServer.class);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void the_service_refuses_to_start_in_prod_with_the_development_keys() {
        assertThatThrownBy(() -> start(production(false)).close())
                .hasStackTraceContaining("must be a key of your own: the development default published in the repository");
    }

    @Test
    void the_service_refuses_to_start_in_prod_without_assertion_keys_of_its_own() {
        Map<String, Object> properties = production(true);
        properties.remove("mfa.assertion.keys");

        assertThatThrownBy(() -> start(properties).close())
                .hasStackTraceContaining("MFA_ASSERTION_KEYS (mfa.assertion.keys, value not shown) must be set to P-256"
                        + " private keys as PEM")
                .hasStackTraceContaining("keys are generated only in the dev and test environments");
    }

    @Test
    void the_service_starts_in_prod_with_real_keys_without_dev_tokens_dev_inbox_or_hs256() {
        try (EmbeddedServer server = start(production(true))) {
            RawHttp http = new RawHttp(server);

            HttpResponse<String> devTokens = http.json("POST", "/dev/tokens", null, "{\"sub\":\"u-1\"}");
            HttpResponse<String> hs256 = http.json("GET", "/resources/v3alpha/users/u-1/phone",
                    TestTokens.user("u-1"), null);

            assertThat(devTokens.statusCode()).isEqualTo(404);
            assertThat(devTokens.body()).contains("urn:plmr:mfa-totp:api:RESOURCE_UNKNOWN");
            for (String inbox : new String[] {"/dev/inbox", "/dev/inbox.json", "/dev/inbox/inbox.js"}) {
                HttpResponse<String> absent = http.json("GET", inbox, null, null);
                assertThat(absent.statusCode()).as(inbox).isEqualTo(404);
                assertThat(absent.body()).contains("urn:plmr:mfa-totp:api:RESOURCE_UNKNOWN");
            }
            assertThat(hs256.statusCode()).isEqualTo(401);
        }
    }
}
