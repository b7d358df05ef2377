package com.plmr.mfa.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A packaged artifact started with {@code java -jar} in a folder of its own, with only the
 * environment the test gives it (no {@code MFA_*} or {@code MICRONAUT_*} variable of this JVM leaks
 * in). Its output goes to {@code out.log} in that folder. Waiting is for another process, bounded
 * and polled; a process that ends while awaited fails the test with its output.
 */
final class RunningJar implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on (http://\\S+) ");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private final Process process;
    private final Path output;

    private RunningJar(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static RunningJar start(Path jar, Path directory, Map<String, String> environment) {
        try {
            Files.createDirectories(directory);
            Path output = directory.resolve("out.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString())
                    .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("MFA_") || name.startsWith("MICRONAUT_"));
            builder.environment().putAll(environment);
            return new RunningJar(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit status of a process expected to stop by itself. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** The base URL from the start-up's "Listening on" line, once it is there. */
    URI awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> url = firstMatch(LISTENING);
            if (url.isPresent()) {
                return URI.create(url.get());
            }
            if (!process.isAlive()) {
                throw new AssertionError("ended with " + process.exitValue() + " before listening; output:\n" + output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not listening after " + timeout + "; output:\n" + output());
    }

    private Optional<String> firstMatch(Pattern pattern) {
        return lines().stream().map(pattern::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    List<String> lines() {
        return output().lines().toList();
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> send(URI base, String method, String path, String json) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the process as an operator would (SIGTERM), and for good if it does not stop in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
