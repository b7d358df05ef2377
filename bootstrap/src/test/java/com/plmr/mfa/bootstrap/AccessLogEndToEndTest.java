package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One access log line per request: method, the route template (never the path or the query
 * string), status and duration, with the request id; no token, identifier or query value a caller
 * sent reaches it, refused and unrouted requests included.
 */
@MicronautTest(transactional = false)
class AccessLogEndToEndTest extends EndToEndTest {

    private static final String ACCESS = "mfa.access";

    @RegisterExtension
    final RecordedLog captured = RecordedLog.of(ACCESS, Level.INFO);

    @Test
    void a_request_is_logged_with_its_route_template_status_duration_and_request_id() {
        String token = TestTokens.service("payments", "mfa.challenges.read");

        HttpResponse<String> response = http.send("GET", "/internal/v1/mfa/challenges/c-7f3a9?code=123456&token=abc",
                token, null, null, "X-Request-Id", "access-log-1");

        assertThat(response.statusCode()).isEqualTo(404);
        ILoggingEvent line = onlyLine();
        assertThat(line.getFormattedMessage())
                .matches("GET /internal/v1/mfa/challenges/\\{challengeId[^}]*} 404 \\d+ms");
        assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "access-log-1");
        assertThat(pairs(line)).containsEntry("method", "GET").containsEntry("status", 404).containsKey("durationMs")
                .hasEntrySatisfying("route", route ->
                        assertThat(route.toString()).startsWith("/internal/v1/mfa/challenges/{challengeId"));
        assertThat(line.getFormattedMessage() + pairs(line) + line.getMDCPropertyMap())
                .doesNotContain("c-7f3a9", "123456", "abc", token);
    }

    @Test
    void a_refused_request_and_a_request_for_no_route_are_logged_without_their_target() {
        http.send("POST", "/internal/v1/mfa/challenges?secret=s3cr3t", "not-a-token", "application/json", "{}",
                "X-Request-Id", "access-log-2");
        http.send("GET", "/nowhere/u-42?phone=%2B4915112345612", null, null, null, "X-Request-Id", "access-log-3");

        List<ILoggingEvent> lines = lines();
        assertThat(lines).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                refused -> assertThat(refused).matches("POST /internal/v1/mfa/challenges 401 \\d+ms"),
                unrouted -> assertThat(unrouted).matches("GET - 404 \\d+ms"));
        assertThat(lines).extracting(line -> line.getMDCPropertyMap().get("requestId"))
                .containsExactly("access-log-2", "access-log-3");
        assertThat(lines.toString()).doesNotContain("s3cr3t", "not-a-token", "u-42", "4915112345612");
    }

    @Test
    void requests_refused_at_the_edge_for_a_long_target_or_large_headers_are_logged_without_them() {
        RawSocket socket = new RawSocket(server);
        String id = "a".repeat(70_000);

        assertThat(socket.send("GET", "/internal/v1/mfa/challenges/" + id, List.of("X-Request-Id: access-log-414"), null)
                .status()).isEqualTo(414);
        assertThat(socket.send("GET", "/internal/v1/mfa/challenges/c-7f3a9", List.of("X-Request-Id: access-log-431",
                "Accept: */*", "X-Padding: " + "p".repeat(9_000)), null).status()).isEqualTo(431);

        List<ILoggingEvent> lines = lines();
        assertThat(lines).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                tooLong -> assertThat(tooLong).matches("GET (-|/internal/v1/mfa/challenges/\\{challengeId[^}]*}) 414 \\d+ms"),
                tooLarge -> assertThat(tooLarge).matches("GET /internal/v1/mfa/challenges/\\{challengeId[^}]*} 431 \\d+ms"));
        assertThat(lines).extracting(line -> line.getMDCPropertyMap().get("requestId")).doesNotContainNull()
                .contains("access-log-431");
        assertThat(lines.toString()).doesNotContain("aaaa", "pppp", "c-7f3a9");
    }

    private ILoggingEvent onlyLine() {
        List<ILoggingEvent> lines = lines();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private List<ILoggingEvent> lines() {
        synchronized (captured) {
            return captured.events();
        }
    }

    private static Map<String, Object> pairs(ILoggingEvent line) {
        return line.getKeyValuePairs().stream().collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
    }
}
