package com.plmr.mfa.bootstrap;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service as a process of its own, started like the production artifact ({@link Application})
 * on the tests' main classpath with the production logging configuration (the test classes and
 * their {@code logback-test.xml} left out), with only the variables a test gives it. Its console
 * is read line by line; every wait is bounded by {@link #DEADLINE} and ends early when the process exits.
 */
final class ServiceProcess implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(120);
    static final String STARTED = "Listening on";
    /** The start's last line names the address the service listens on: {@code Listening on http://host:port ...}. */
    private static final Pattern LISTENING = Pattern.compile(STARTED + " (http://[^ ]+) ");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ServiceProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::copyLines, "service-console");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the service in {@code directory} on {@code databaseUrl}, environment dev, a free port, and {@code variables}. */
    static ServiceProcess start(Path directory, String databaseUrl, Map<String, String> variables) throws IOException {
        return start(directory, databaseUrl, variables, List.of());
    }

    /** {@link #start(Path, String, Map)} with options for the JVM ({@code -Dname=value}). */
    static ServiceProcess start(Path directory, String databaseUrl, Map<String, String> variables, List<String> jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", mainClasspath(), Application.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MFA_") || name.startsWith("DATASOURCES_")
                || name.startsWith("MICRONAUT_"));
        builder.environment().put("MFA_DB_URL", databaseUrl);
        builder.environment().put("MICRONAUT_ENVIRONMENTS", "dev");
        builder.environment().put("MFA_PORT", "-1");
        builder.environment().putAll(variables);
        return new ServiceProcess(builder.start());
    }

    /** The console up to and including the first line {@code last} accepts, or up to the exit or the deadline. */
    List<String> readUntil(Predicate<String> last) throws InterruptedException {
        List<String> console = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                console.add(line);
                if (last.test(line)) {
                    break;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        return console;
    }

    /** The console of the start, up to the line saying where the service listens. */
    List<String> readStart() throws InterruptedException {
        return readUntil(line -> line.contains(STARTED));
    }

    /** The address a start's line (or a JSON line's message) says the service listens on. */
    static URI address(String startedLine) {
        Matcher listening = LISTENING.matcher(startedLine);
        if (!listening.find()) {
            throw new AssertionError("no address in " + startedLine);
        }
        return URI.create(listening.group(1));
    }

    /** The next line {@code wanted} accepts. */
    String nextLine(Predicate<String> wanted) throws InterruptedException {
        List<String> console = readUntil(wanted);
        if (console.isEmpty() || !wanted.test(console.get(console.size() - 1))) {
            throw new AssertionError("no such line before the deadline or the exit; read " + console);
        }
        return console.get(console.size() - 1);
    }

    /** The exit status, once the process ended on its own within the deadline. */
    OptionalInt exitStatus() throws InterruptedException {
        return process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS) ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** Asks the process to stop, as an orchestrator does (SIGTERM). */
    void terminate() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void copyLines() {
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
