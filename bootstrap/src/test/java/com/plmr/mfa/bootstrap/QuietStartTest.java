package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.plmr.mfa.bootstrap.ServiceProcess.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's first start on an empty database (the whole Liquibase changelog applied), as a
 * process in the dev environment with the production logging configuration: its console says in a
 * few log lines what it does, and nothing alarming. Liquibase logs through {@code java.util.logging}
 * and prints to standard output; both must reach the service's log, where {@code liquibase} is at
 * WARN. The database is a fresh schema of the test server; the embedded MariaDB 11.4's own first
 * start is checked by {@code .ci/readme-walkthrough.sh} on the packaged jar, and the metadata query
 * it used to fail on by {@code EmbeddedDatabaseTest}. With {@code MFA_LOG_FORMAT=json} every line of
 * the same start, and the access log line of a request, is one JSON object.
 */
class QuietStartTest {

    /** A line of the service's log pattern: date, time and zone offset, level. */
    private static final Pattern LOG_LINE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) (TRACE|DEBUG|INFO |WARN |ERROR) .*");
    /** Micronaut's start-up banner: ASCII art only. */
    private static final Pattern BANNER = Pattern.compile("^[ _|/\\\\()`',.-]*$");
    private static final int AT_MOST_LOG_LINES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    private ServiceProcess service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void the_first_start_on_an_empty_database_logs_a_few_lines_and_nothing_alarming() throws Exception {
        List<String> console = start(Map.of());

        assertThat(console).as("console of the start").anyMatch(line -> line.contains(STARTED));
        assertThat(console).as("no stack trace, no exception")
                .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception") || line.startsWith("Caused by"));
        assertThat(console).as("nothing from Liquibase below WARN, and nothing it prints itself")
                .noneMatch(line -> line.contains("Running Changeset") || line.contains("UPDATE SUMMARY")
                        || line.contains("ignored for PRIMARY key") || line.contains("Update has been successful")
                        || line.contains(" liquibase"));
        assertThat(console).as("every line is a line of the service's log (or the banner)")
                .allMatch(line -> LOG_LINE.matcher(line).matches() || BANNER.matcher(line).matches());
        assertThat(console.stream().filter(line -> LOG_LINE.matcher(line).matches()))
                .as("a handful of log lines").hasSizeLessThanOrEqualTo(AT_MOST_LOG_LINES);
    }

    @Test
    void with_the_json_format_every_line_and_the_access_log_line_is_one_json_object() throws Exception {
        List<String> console = start(Map.of("MFA_LOG_FORMAT", "json"));

        List<JsonNode> parsed = new ArrayList<>();
        for (String line : console) {
            parsed.add(JSON.readTree(line));
        }
        assertThat(parsed).as("one object per line").isNotEmpty().allMatch(JsonNode::isObject);
        JsonNode started = parsed.get(parsed.size() - 1);
        assertThat(started.path("formattedMessage").asText()).contains(STARTED);
        assertThat(started.path("level").asText()).isEqualTo("INFO");
        assertThat(started.path("loggerName").asText()).isEqualTo(Application.class.getName());
        assertThat(started.path("timestamp").asLong()).isPositive();

        URI address = ServiceProcess.address(started.path("formattedMessage").asText());
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        address.resolve("/health/liveness")).header("X-Request-Id", "json-log-1").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        JsonNode access = JSON.readTree(service.nextLine(line -> line.contains("\"mfa.access\"")));
        assertThat(access.path("mdc").path("requestId").asText()).isEqualTo("json-log-1");
        assertThat(access.path("formattedMessage").asText()).matches("GET /health/\\S+ 200 \\d+ms");
        Map<String, String> pairs = new HashMap<>();
        access.path("kvpList").forEach(pair -> pair.fields().forEachRemaining(field ->
                pairs.put(field.getKey(), field.getValue().asText())));
        assertThat(pairs).containsEntry("method", "GET").containsEntry("status", "200").containsKey("durationMs")
                .hasEntrySatisfying("route", route -> assertThat(route).startsWith("/health/"));
    }

    /** Starts the service on a fresh schema with the variables given, and reads its console until it is up. */
    private List<String> start(Map<String, String> variables) throws IOException, InterruptedException {
        service = ServiceProcess.start(workingDirectory, TestDatabase.isolatedProperties().get("datasources.default.url"),
                variables);
        return service.readStart();
    }
}
