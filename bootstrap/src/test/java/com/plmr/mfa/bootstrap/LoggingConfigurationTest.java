package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.plmr.mfa.bootstrap.ServiceProcess.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's logging configuration ({@link LoggingConfiguration}): the levels and the line
 * docs/operations.md states, plain and JSON; a level an operator changes with Micronaut's
 * {@code LOGGER_LEVELS_*} variables, as the docs say to drop the access log; and an operator's own
 * {@code logback.xml} ({@code -Dlogback.configurationFile}) taking precedence, also when a level is
 * changed on top of it.
 */
class LoggingConfigurationTest {

    /** docs/operations.md, Logs: the levels of the service's loggers. */
    private static final Map<String, Level> DOCUMENTED_LEVELS = documentedLevels();
    /** A line of the plain format: date, time and zone offset, level, thread, logger, request id, message. */
    private static final Pattern PLAIN_LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  \\[main] mfa\\.access requestId=r-1 - GET / 200\\n");
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

    private static Map<String, Level> documentedLevels() {
        Map<String, Level> levels = new LinkedHashMap<>();
        levels.put("liquibase", Level.WARN);
        levels.put("ch.vorburger", Level.WARN);
        levels.put("com.zaxxer.hikari", Level.WARN);
        levels.put("io.micronaut.runtime.Micronaut", Level.WARN);
        levels.put("io.micronaut.context.DefaultApplicationContext$RuntimeConfiguredEnvironment", Level.WARN);
        levels.put("io.micronaut.liquibase", Level.WARN);
        levels.put("io.micronaut.http.server.RouteExecutor", Level.OFF);
        levels.put("mfa.access", Level.INFO);
        levels.put("mfa.audit", Level.INFO);
        levels.put(Logger.ROOT_LOGGER_NAME, Level.INFO);
        return levels;
    }

    @Test
    void the_service_logs_at_the_documented_levels_to_the_console() {
        LoggerContext context = new LoggerContext();

        LoggingConfiguration.configure(context, null);

        assertThat(LoggingConfiguration.LEVELS).containsExactlyEntriesOf(DOCUMENTED_LEVELS);
        DOCUMENTED_LEVELS.forEach((logger, level) -> assertThat(context.getLogger(logger).getLevel()).as(logger).isEqualTo(level));
        assertThat(context.getLogger("com.plmr.mfa.bootstrap.Application").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.micronaut.runtime.Micronaut").isInfoEnabled()).isFalse();
        assertThat(console(context).isStarted()).isTrue();
    }

    @Test
    void the_plain_line_starts_with_the_date_time_and_zone_offset() {
        LoggerContext context = new LoggerContext();

        LoggingConfiguration.configure(context, "plain");

        assertThat(encoded(context)).matches(PLAIN_LINE);
    }

    @Test
    void unset_the_format_is_plain() {
        LoggerContext context = new LoggerContext();

        LoggingConfiguration.configure(context, null);

        assertThat(encoded(context)).matches(PLAIN_LINE);
    }

    @Test
    void the_json_line_is_one_object_with_the_documented_fields() throws IOException {
        LoggerContext context = new LoggerContext();

        LoggingConfiguration.configure(context, "json");

        String line = encoded(context);
        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        JsonNode event = JSON.readTree(line);
        assertThat(event.path("level").asText()).isEqualTo("INFO");
        assertThat(event.path("loggerName").asText()).isEqualTo("mfa.access");
        assertThat(event.path("threadName").asText()).isEqualTo("main");
        assertThat(event.path("mdc").path("requestId").asText()).isEqualTo("r-1");
        assertThat(event.path("formattedMessage").asText()).isEqualTo("GET / 200");
        assertThat(event.path("timestamp").asLong()).isPositive();
        assertThat(event.has("sequenceNumber")).isFalse();
    }

    @Test
    void a_logback_xml_on_the_classpath_is_read_instead() {
        LoggerContext context = new LoggerContext();

        new LoggingConfiguration().configure(context);

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).as("logback-test.xml's").isEqualTo(Level.WARN);
        assertThat(context.getLogger("mfa.access").getLevel()).isNull();
    }

    @Test
    void a_level_set_with_a_logger_levels_variable_applies_and_the_lines_keep_their_format() throws Exception {
        service = ServiceProcess.start(workingDirectory, TestDatabase.isolatedProperties().get("datasources.default.url"),
                Map.of("LOGGER_LEVELS_MFA_ACCESS", "WARN"));
        List<String> start = service.readStart();

        assertThat(start).anyMatch(line -> line.contains(STARTED))
                .allMatch(line -> line.matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) .*"));
        assertThat(afterOneRequest(start)).as("no access log line").noneMatch(line -> line.contains(" mfa.access "));
    }

    @Test
    void an_operators_logback_xml_replaces_the_configuration_and_a_level_variable_still_applies_on_top() throws Exception {
        Path operators = Files.writeString(workingDirectory.resolve("operators-logback.xml"), """
                <configuration>
                    <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>operator %-5level %logger - %msg%n</pattern></encoder>
                    </appender>
                    <logger name="com.plmr.mfa.bootstrap.Application" level="INFO"/>
                    <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """, StandardCharsets.UTF_8);
        service = ServiceProcess.start(workingDirectory, TestDatabase.isolatedProperties().get("datasources.default.url"),
                Map.of("LOGGER_LEVELS_MFA_ACCESS", "INFO"), List.of("-Dlogback.configurationFile=" + operators));
        List<String> start = service.readStart();

        assertThat(start).as("the operator's lines only")
                .anyMatch(line -> line.startsWith("operator INFO  com.plmr.mfa.bootstrap.Application - " + STARTED))
                .allMatch(line -> line.startsWith("operator "));
        assertThat(afterOneRequest(start)).as("mfa.access at INFO under the operator's root at WARN")
                .anyMatch(line -> line.startsWith("operator INFO  mfa.access - GET /health/{selector} 200 "));
    }

    /** Asks the started service for its liveness once, stops it and reads its console to the exit. */
    private List<String> afterOneRequest(List<String> start) throws IOException, InterruptedException {
        URI address = ServiceProcess.address(start.get(start.size() - 1));
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                address.resolve("/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        // the access line is written before the response leaves, so it would be read before the exit
        service.terminate();
        List<String> rest = service.readUntil(line -> false);
        assertThat(service.exitStatus()).isPresent();
        return rest;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LoggingConfiguration.CONSOLE);
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appender;
        assertThat(console.getEncoder()).isInstanceOf(LogLineEncoder.class);
        return console;
    }

    /** An access log line as the console would write it, without writing it. */
    private static String encoded(LoggerContext context) {
        Logger access = context.getLogger("mfa.access");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), access, Level.INFO, "GET / {}", null, new Object[] {200});
        event.setThreadName("main");
        event.setMDCPropertyMap(Map.of("requestId", "r-1"));
        return new String(console(context).getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
