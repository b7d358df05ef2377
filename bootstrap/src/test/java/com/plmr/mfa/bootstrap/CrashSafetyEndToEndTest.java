package com.plmr.mfa.bootstrap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox survives a dispatcher process that dies at the worst moment: after the provider took
 * the message, before the outbox recorded it. This JVM runs the API (its dispatcher is off, as in
 * every test); a second JVM, started from the same classpath on the same schema, is the
 * dispatching instance and is killed with SIGKILL while the gateway (WireMock) holds its response.
 * A restarted instance sends the message again, with the same idempotency key, once the claim's
 * lease ran out. The lease outlasts a provider request, as the start-up check demands, so the test
 * lets it run out in the database rather than waiting for it. Waiting here is for another
 * process's scheduler, bounded and polled.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashSafetyEndToEndTest implements TestPropertyProvider {

    private static final String PATH = "/hooks/sms";
    /** The gateway holds the first request; the request timeout must not end it before the kill. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration LEASE = Duration.ofSeconds(100);
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    EmbeddedServer server;
    @Inject
    TestClock clock;

    private final WireMockServer gateway = LocalGateway.started();
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final OutboxRows rows = new OutboxRows(database);
    private final List<Process> children = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        return new HashMap<>(database);
    }

    @AfterAll
    void stopEverything() {
        children.forEach(Process::destroyForcibly);
        gateway.stop();
    }

    @Test
    void a_dispatcher_killed_after_the_provider_accepted_leads_to_a_second_delivery_with_the_same_key()
            throws Exception {
        // the first request is accepted but answered only after the kill (20 s); any later one at once
        gateway.stubFor(post(urlEqualTo(PATH)).inScenario("crash").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"gw-1\"}").withFixedDelay(20_000))
                .willSetStateTo("restarted"));
        gateway.stubFor(post(urlEqualTo(PATH)).inScenario("crash").whenScenarioStateIs("restarted")
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"gw-2\"}")));
        clock.set(Instant.now());
        ApiFixture api = new ApiFixture(server);
        String user = api.newUser(ApiFixture.newPhone(), null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);

        Process first = startDispatcher(1);
        await("the gateway received the message from the first instance", () -> requests().size() == 1);
        first.destroyForcibly();
        assertThat(first.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        OutboxRows.Row unrecorded = rows.single(challenge.getChallengeId());
        assertThat(unrecorded.status()).as("the acceptance was never recorded").isEqualTo("QUEUED");
        assertThat(unrecorded.attempts()).isEqualTo(1);
        assertThat(unrecorded.payload()).isNotNull();

        rows.expireLease(unrecorded.id());
        startDispatcher(2);
        await("the restarted instance recorded the delivery",
                () -> "SENT".equals(rows.single(challenge.getChallengeId()).status()));

        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(unrecorded.id());
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        OutboxRows.Row sent = rows.single(challenge.getChallengeId());
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.providerMessageId()).isEqualTo("gw-2");
        assertThat(sent.payload()).isNull();
        assertThat(api.sms(user).verifySms(challenge.getChallengeId(),
                new VerifyOtpRequest().totp(code(requests.get(1).getBodyAsString()))).getStatus())
                .isEqualTo(ChallengeStatus.VERIFIED);
    }

    private List<LoggedRequest> requests() {
        return gateway.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    /** Another service instance: the packaged classes on this JVM's classpath, dispatcher on, API unused. */
    private Process startDispatcher(int number) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "crash-safety"));
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath,
                "-Dmicronaut.env.deduction=false",
                "-Dmicronaut.environments=dev",
                "-Dmicronaut.server.port=-1",
                "-Ddatasources.default.url=" + database.get("datasources.default.url"),
                "-Ddatasources.default.username=root",
                "-Ddatasources.default.password=",
                "-Dmfa.notify.sms.provider=webhook",
                "-Dmfa.notify.sms.webhook.url=http://127.0.0.1:" + gateway.port() + PATH,
                "-Dmfa.notify.sms.webhook.request-timeout=" + REQUEST_TIMEOUT.toSeconds() + "s",
                "-Dmfa.notify.dev-sink.file=" + dir.resolve("dev-sink.log").toAbsolutePath(),
                "-Dmfa.outbox.poll-interval=200ms",
                "-Dmfa.outbox.lease=" + LEASE.toSeconds() + "s",
                "com.plmr.mfa.bootstrap.Application"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("instance-" + number + ".log").toFile()).start();
        children.add(process);
        return process;
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + " (see target/crash-safety/*.log)");
            }
            if (children.stream().noneMatch(Process::isAlive)) {
                throw new AssertionError("the dispatching instance exited while waiting until " + what
                        + " (see target/crash-safety/*.log)");
            }
            Thread.sleep(100);
        }
    }

    private static String code(String json) {
        Matcher matcher = SIX_DIGITS.matcher(json);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
