package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The development sink, which writes codes to a file, can never be what a production start delivers with. */
class ProductionEnvironmentTest {

    @Test
    void the_service_refuses_to_start_in_prod_with_the_default_providers() {
        Map<String, Object> properties = productionKeys();

        assertThatThrownBy(() -> ApplicationContext.run(properties, "prod").close())
                .rootCause()
                .hasMessageContaining("mfa.notify.sms.provider='dev' (the default) selects the development sink")
                .hasMessageContaining("mfa.notify.email.provider='dev' (the default)");
    }

    @Test
    void the_service_starts_in_prod_once_real_providers_are_configured() {
        Map<String, Object> properties = productionKeys();
        properties.put("mfa.notify.sms.provider", "webhook");
        properties.put("mfa.notify.sms.webhook.url", "https://sms-gateway.invalid/send");
        properties.put("mfa.notify.email.provider", "smtp");
        properties.put("mfa.notify.email.smtp.host", "smtp.invalid");
        properties.put("mfa.notify.email.smtp.from", "no-reply@mfa.example");

        try (ApplicationContext context = ApplicationContext.run(properties, "prod")) {
            assertThat(context.getEnvironment().getActiveNames()).contains("prod");
        }
    }

    /** Everything a production start needs besides the providers: real (not development) keys and a database. */
    private static Map<String, Object> productionKeys() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("mfa.keys.code-hash", "cHJvZC1saWtlLWNvZGUtaGFzaC1rZXktZm9yLWEtdGVzdCE=");
        properties.put("mfa.keys.secrets", "p-1:cHJvZC1saWtlLXNlY3JldC1rZXktZm9yLWEtdGVzdCE=");
        properties.put("mfa.keys.active-secret", "p-1");
        properties.put("mfa.assertion.keys", TestAssertionKeys.example());
        properties.put("mfa.assertion.issuer", "https://mfa.example.com");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                "prod-like-jwt-secret-for-a-test-0123456789");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.jws-algorithm", "HS256");
        properties.put("micronaut.server.port", -1);
        return properties;
    }
}
