package com.plmr.mfa.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's first start on an empty database (the whole Liquibase changelog applied), as a
 * process in the dev environment with the production logging configuration (the test classes
 * and their {@code logback-test.xml} left out): its console says in a few log lines what it does,
 * and nothing alarming. Liquibase logs through {@code java.util.logging} and prints to standard
 * output; both must reach the service's log, where {@code liquibase} is at WARN. The database is
 * a fresh schema of the test server; the embedded MariaDB 11.4's own first start is checked by
 * {@code .ci/readme-walkthrough.sh} on the packaged jar, and the metadata query it used to fail
 * on by {@link EmbeddedDatabaseTest}.
 */
class QuietStartTest {

    private static final Duration START_DEADLINE = Duration.ofSeconds(120);
    private static final String STARTED = "Listening on";
    /** A line of the service's log pattern: time, level. */
    private static final Pattern LOG_LINE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) .*");
    /** Micronaut's start-up banner: ASCII art only. */
    private static final Pattern BANNER = Pattern.compile("^[ _|/\\\\()`',.-]*$");
    private static final int AT_MOST_LOG_LINES = 10;

    @TempDir
    Path workingDirectory;

    private Process service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    void the_first_start_on_an_empty_database_logs_a_few_lines_and_nothing_alarming() throws Exception {
        List<String> console = startAndRead(TestDatabase.isolatedProperties().get("datasources.default.url"));

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

    /** Starts the service on the database, and reads its console until it is up. */
    private List<String> startAndRead(String databaseUrl) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", mainClasspath(), Application.class.getName())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MFA_") || name.startsWith("DATASOURCES_")
                || name.startsWith("MICRONAUT_"));
        builder.environment().put("MFA_DB_URL", databaseUrl);
        builder.environment().put("MICRONAUT_ENVIRONMENTS", "dev");
        builder.environment().put("MFA_PORT", "-1");
        service = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> copyLines(service, lines), "quiet-start-console");
        reader.setDaemon(true);
        reader.start();

        List<String> console = new ArrayList<>();
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                console.add(line);
                if (line.contains(STARTED)) {
                    break;
                }
            } else if (!service.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        return console;
    }

    private static void copyLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().forEach(lines::add);
        } catch (IOException | UncheckedIOException e) {
            // the process was stopped while its console was read
        }
    }

    /** The classpath of the tests without the test classes (and their logback-test.xml). */
    private static String mainClasspath() {
        String testClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(testClasspath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
