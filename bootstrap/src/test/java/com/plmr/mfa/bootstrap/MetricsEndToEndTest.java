package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.domain.delivery.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /prometheus} shows an operator: every meter docs/operations.md documents, present
 * right after the start with every value of its closed tags; the HTTP timer tagged with route
 * templates only, however many paths are asked; the outbox gauges on the real database; and the
 * documented alerts built on meters the service serves.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsEndToEndTest implements TestPropertyProvider {

    private static final String METRICS = TestTokens.service("prometheus", ManagementEndpointRule.METRICS_SCOPE);
    /** The {@code uri} values Micronaut gives answers without a route template of their own. */
    private static final Set<String> FIXED_URIS = Set.of("NOT_FOUND", "UNMATCHED_URI", "REDIRECTION", "UNAUTHORIZED",
            "BAD_REQUEST", "UNKNOWN");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-z_]+)(\\{[^}]*})? ");

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;
    @Inject
    MeterRegistry meters;
    @Inject
    OutboxBacklogMetrics backlog;
    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    TestClock clock;

    private RawHttp http;

    @Override
    public Map<String, String> getProperties() {
        return new HashMap<>(TestDatabase.isolatedProperties());
    }

    @BeforeEach
    void setUp() {
        http = new RawHttp(server);
    }

    @Test
    @Order(1)
    void every_documented_meter_is_served_right_after_the_start_with_the_values_of_its_closed_tags() throws IOException {
        String first = scrape();

        List<String> documented = documentedMeters();
        assertThat(documented).contains("mfa_outbox_due_messages", "http_server_requests_seconds");
        assertThat(documented).filteredOn(name -> !name.startsWith("http_server_"))
                .allSatisfy(name -> assertThat(samples(first)).as(name).anyMatch(sample -> isOf(sample, name)));
        assertThat(documented).as("the first scrape's request is counted").allSatisfy(name ->
                assertThat(samples(scrape())).as(name).anyMatch(sample -> isOf(sample, name)));
        assertThat(samples(first)).filteredOn(sample -> sample.startsWith("mfa_")).as("every mfa meter is documented")
                .allSatisfy(sample -> assertThat(documented).anyMatch(name -> isOf(sample, name)));

        for (String standard : List.of("jvm_", "process_", "system_")) {
            assertThat(samples(first)).as(standard).anyMatch(sample -> sample.startsWith(standard));
        }
        for (Channel channel : Channel.values()) {
            for (var status : MicrometerDeliveryMetrics.RESULTS) {
                assertThat(first).contains("mfa_delivery_outcomes_total{channel=\"" + lower(channel) + "\",status=\""
                        + lower(status) + "\"} 0.0");
            }
        }
        for (String kind : List.of("challenge", "outbox_message", "send_quota", "failure_streak", "audit_event")) {
            assertThat(first).contains("mfa_purge_deleted_total{kind=\"" + kind + "\"} 0.0");
        }
        assertThat(first).contains("mfa_audit_events_total{method=\"sms\",type=\"verify.refused\"} 0.0",
                "mfa_audit_refusals_total{abuse=\"true\",reason=\"verify_rate_limited\"} 0.0");
        for (String offset : List.of("-1", "0", "+1")) {
            assertThat(first).contains("mfa_totp_accepted_total{offset=\"" + offset + "\"} 0.0");
        }
        for (String outcome : ProviderSendMetrics.OUTCOMES) {
            assertThat(first).contains("mfa_delivery_send_seconds_count{outcome=\"" + outcome + "\",provider=\"dev\"} 0");
            assertThat(first).contains("mfa_delivery_send_seconds_bucket{outcome=\"" + outcome
                    + "\",provider=\"dev\",le=\"0.25\"} 0");
        }
    }

    @Test
    @Order(2)
    void the_http_timer_tags_each_request_with_its_route_template_never_its_path() throws IOException {
        String service = TestTokens.service("payments", TestTokens.ALL_SCOPES);
        http.json("POST", "/internal/v1/mfa/challenges", service, "{\"userId\":\"u-metrics-0\"}");
        http.json("GET", "/internal/v1/mfa/challenges/c-metrics-1", service, null);
        http.json("POST", "/internal/v1/mfa/totp-sms/c-metrics-2:initiate", null, null);
        http.json("GET", "/resources/v3alpha/users/u-metrics-3/phone", service, null);
        http.json("DELETE", "/internal/v1/mfa/challenges/c-metrics-4", service, null);
        http.json("POST", "/internal/v1/mfa/challenges/c-metrics-5%3Aconsume", service, null);
        for (int i = 0; i < 20; i++) {
            http.json("GET", "/nowhere/n-metrics-" + i, null, null);
            http.json("POST", "/internal/v1/mfa/n-metrics-" + i, service, "{}");
        }
        new RawSocket(server).send("GET", "/internal/v1/mfa/challenges/" + "m".repeat(5_000), List.of(), null);

        String scraped = scrape();
        Set<String> templates = router.uriRoutes().map(route -> route.getUriMatchTemplate().toPathString())
                .collect(Collectors.toSet());
        Set<String> uris = new TreeSet<>();
        Matcher uri = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(scraped);
        while (uri.find()) {
            uris.add(uri.group(1));
        }

        assertThat(uris).contains("/internal/v1/mfa/challenges", "NOT_FOUND", "UNMATCHED_URI").allSatisfy(value -> assertThat(templates.contains(value) || FIXED_URIS.contains(value))
                        .as(value + " is a route template or a fixed word").isTrue());
        assertThat(scraped).doesNotContain("metrics-", "mmmm");
        assertThat(scraped).contains("le=\"0.1\"");
    }

    @Test
    @Order(3)
    void the_outbox_gauges_show_the_due_messages_and_how_long_the_oldest_has_waited() throws ApiException {
        ApiFixture api = new ApiFixture(server);
        backlog.refresh();
        assertThat(gauge(OutboxBacklogMetrics.DUE)).isZero();
        assertThat(gauge(OutboxBacklogMetrics.OLDEST_DUE_AGE)).isZero();

        for (int i = 0; i < 2; i++) {
            String user = api.newUser(ApiFixture.newPhone(), null);
            api.sms(user).initiateSms(api.newChallenge(user, ChallengeMethod.SMS).getChallengeId(), null);
            clock.advance(Duration.ofSeconds(30));
        }
        clock.advance(Duration.ofSeconds(60));
        backlog.refresh();

        assertThat(gauge(OutboxBacklogMetrics.DUE)).isEqualTo(2);
        assertThat(gauge(OutboxBacklogMetrics.OLDEST_DUE_AGE)).isEqualTo(120);
        assertThat(scrape()).contains("mfa_outbox_due_messages 2.0", "mfa_outbox_oldest_due_age_seconds 120.0");

        dispatcher.dispatchDue();
        backlog.refresh();
        assertThat(gauge(OutboxBacklogMetrics.DUE)).isZero();
        assertThat(gauge(OutboxBacklogMetrics.OLDEST_DUE_AGE)).isZero();

        clock.advance(OutboxBacklogMetrics.STALE_AFTER.plusSeconds(1));
        assertThat(gauge(OutboxBacklogMetrics.DUE)).as("a reading older than a minute is unknown").isNaN();
        backlog.refresh();
        assertThat(gauge(OutboxBacklogMetrics.DUE)).isZero();
    }

    @Test
    @Order(4)
    void the_documented_alerts_use_series_the_service_serves() throws IOException {
        String scraped = scrape();
        List<String> expressions = alertExpressions();

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(3);
        Matcher series = Pattern.compile("\\b(mfa_[a-z_]+|http_server_[a-z_]+)").matcher(String.join("\n", expressions));
        List<String> used = new ArrayList<>();
        while (series.find()) {
            used.add(series.group(1));
        }
        assertThat(used).isNotEmpty().allSatisfy(name ->
                assertThat(samples(scraped)).as(name).anyMatch(sample -> sample.equals(name)));
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private String scrape() {
        HttpResponse<String> response = http.json("GET", "/prometheus", METRICS, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The names of the samples of a scrape: {@code name} of {@code name{tags} value}. */
    private static List<String> samples(String scraped) {
        List<String> names = new ArrayList<>();
        Matcher sample = SAMPLE.matcher(scraped);
        while (sample.find()) {
            names.add(sample.group(1));
        }
        return names;
    }

    /** Whether a sample belongs to a documented meter: its name, or a histogram's or counter's part of it. */
    private static boolean isOf(String sample, String meter) {
        return sample.equals(meter) || sample.matches(Pattern.quote(meter) + "_(bucket|count|sum|max)");
    }

    /** The first column of the meter table in the metrics section of docs/operations.md. */
    static List<String> documentedMeters() throws IOException {
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(metricsSection());
        List<String> names = new ArrayList<>();
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    private static List<String> alertExpressions() throws IOException {
        Matcher expression = Pattern.compile("(?m)^\\s+expr: (.+)$").matcher(metricsSection());
        List<String> expressions = new ArrayList<>();
        while (expression.find()) {
            expressions.add(expression.group(1));
        }
        return expressions;
    }

    private static String metricsSection() throws IOException {
        String operations = Files.readString(Path.of("../docs/operations.md"));
        int start = operations.indexOf("\n## Metrics\n");
        assertThat(start).as("docs/operations.md has a section Metrics").isPositive();
        int end = operations.indexOf("\n## ", start + 1);
        return operations.substring(start, end < 0 ? operations.length() : end);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
