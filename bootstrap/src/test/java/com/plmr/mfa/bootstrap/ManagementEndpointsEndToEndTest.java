package com.plmr.mfa.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the management endpoints show, and to whom: {@code /health} its status to anyone and its
 * details only with {@value ManagementEndpointRule#MANAGEMENT_SCOPE}; {@code /prometheus} only with
 * {@value ManagementEndpointRule#METRICS_SCOPE}; nothing else.
 */
@MicronautTest(transactional = false)
class ManagementEndpointsEndToEndTest extends EndToEndTest {

    private static final String USER = TestTokens.user("u-management");
    private static final String SERVICE = TestTokens.service("payments", TestTokens.ALL_SCOPES);
    private static final String METRICS = TestTokens.service("prometheus", ManagementEndpointRule.METRICS_SCOPE);
    private static final String MANAGEMENT = TestTokens.service("ops", ManagementEndpointRule.MANAGEMENT_SCOPE);

    @Test
    void health_shows_its_status_to_anyone_and_its_details_only_with_the_management_scope() {
        for (String caller : new String[] {null, USER, SERVICE, METRICS}) {
            HttpResponse<String> health = http.json("GET", "/health", caller, null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        }

        HttpResponse<String> details = http.json("GET", "/health", MANAGEMENT, null);

        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(details.body()).contains("\"details\"").contains("\"database\"").contains("\"diskSpace\"");
    }

    @Test
    void metrics_are_scraped_from_prometheus_with_the_metrics_scope_only() {
        assertThat(http.json("GET", "/prometheus", METRICS, null).statusCode()).isEqualTo(200);
        assertThat(http.json("GET", "/prometheus", MANAGEMENT, null).statusCode()).isEqualTo(403);
        assertThat(http.json("GET", "/prometheus", SERVICE, null).statusCode()).isEqualTo(403);
    }

    @Test
    void the_metrics_endpoint_is_closed_even_to_the_metrics_scope() {
        assertThat(http.json("GET", "/metrics", METRICS, null).statusCode()).isEqualTo(404);
        assertThat(http.json("GET", "/metrics/mfa.delivery.outcomes", METRICS, null).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/beans", "/env", "/loggers", "/routes", "/threaddump", "/info", "/refresh", "/stop"})
    void no_other_management_endpoint_answers_even_the_management_scope(String path) {
        for (String caller : new String[] {MANAGEMENT, METRICS}) {
            int status = http.json("GET", path, caller, null).statusCode();
            assertThat(status).as(path).isIn(401, 403, 404, 405);
        }
    }
}
