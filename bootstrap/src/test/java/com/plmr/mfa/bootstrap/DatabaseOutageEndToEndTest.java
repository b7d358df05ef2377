package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away, or falls silent, behind a TCP proxy while the service runs: requests
 * answer 503 with {@code Retry-After} in the error model instead of waiting, readiness turns DOWN
 * while liveness stays UP, and once the database is back everything works again without a
 * restart, the challenges created before the outage included.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageEndToEndTest implements TestPropertyProvider {

    private static final Pattern URL = Pattern.compile("jdbc:mysql://([^:/]+):(\\d+)/(.+)");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SERVICE = "Authorization: Bearer " + TestTokens.service("payments", TestTokens.ALL_SCOPES);

    /** How the database is lost. */
    enum Outage {
        GONE(TcpProxy::gone), SILENT(TcpProxy::silent);

        private final Consumer<TcpProxy> start;

        Outage(Consumer<TcpProxy> start) {
            this.start = start;
        }
    }

    private TcpProxy proxy;
    /** The pool's and the service's warnings about the lost database, which each test causes on purpose. */
    @RegisterExtension
    final RecordedLog outageLines = RecordedLog.of("com.zaxxer.hikari", Level.WARN).and("com.plmr.mfa", Level.WARN);

    @Inject
    EmbeddedServer server;
    ApiFixture api;
    RawSocket http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.isolatedProperties());
        Matcher url = URL.matcher(properties.get("datasources.default.url"));
        assertThat(url.matches()).isTrue();
        proxy = new TcpProxy(url.group(1), Integer.parseInt(url.group(2)));
        properties.put("datasources.default.url", "jdbc:mysql://127.0.0.1:" + proxy.port() + "/" + url.group(3));
        properties.put("mfa.database.connection-timeout", "1s");
        properties.put("mfa.database.socket-timeout", "2s");
        return properties;
    }

    @BeforeEach
    void setUp() {
        api = new ApiFixture(server);
        http = new RawSocket(server);
    }

    @AfterEach
    void endTheOutage() {
        proxy.restore();
    }

    @AfterAll
    void stopProxy() {
        proxy.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Outage.class)
    void requests_fail_fast_during_an_outage_and_everything_works_again_after_it(Outage outage) throws ApiException {
        awaitDatabaseAnswers();
        String user = api.newUser(ApiFixture.newPhone(), null);
        Challenge before = api.newChallenge(user, ChallengeMethod.SMS);
        assertThat(health("readiness")).isEqualTo(200);

        outage.start.accept(proxy);

        awaitHealth("readiness", 503);
        assertThat(health("liveness")).isEqualTo(200);
        RawSocket.Answer read = http.send("GET", "/internal/v1/mfa/challenges/" + before.getChallengeId(), List.of(SERVICE), null);
        assertUnavailable("/internal/v1/mfa/challenges/", read);
        RawSocket.Answer write = http.send("PUT", "/resources/v3alpha/users/" + user + "/email",
                List.of(SERVICE, "Content-Type: application/json"), "{\"email\":\"outage@example.com\"}");
        assertThat(assertUnavailable("/resources/", write).path("code").asInt()).isEqualTo(14);

        proxy.restore();

        awaitHealth("readiness", 200);
        awaitDatabaseAnswers();
        assertThat(api.challenges().getChallenge(before.getChallengeId()).getStatus()).isEqualTo(ChallengeStatus.PENDING);
        assertThat(api.sms(user).initiateSms(before.getChallengeId(), null).getChallengeId())
                .isEqualTo(before.getChallengeId());
    }

    private static com.fasterxml.jackson.databind.JsonNode assertUnavailable(String path, RawSocket.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.header("Retry-After").map(Integer::parseInt).orElse(0)).isPositive();
        return ErrorModel.assertAnswer(path, answer);
    }

    private int health(String kind) {
        return http.send("GET", "/health/" + kind, List.of(), null).status();
    }

    /** Polls the real database's health (behind the proxy) until it says what is expected. */
    private void awaitHealth(String kind, int status) {
        await(kind + " did not become " + status, () -> health(kind) == status);
    }

    /**
     * Polls a read until the database answers it. Right after the database returns, a request can
     * still meet a pooled connection that broke while it was away and answer 503 once (the pool
     * checks a connection only when it was idle for half a second); the pool then drops it.
     */
    private void awaitDatabaseAnswers() {
        await("the API did not reach the database again", () -> http.send("GET",
                "/internal/v1/mfa/challenges/ch_probe0000000000000000", List.of(SERVICE), null).status() == 404);
    }

    private static void await(String failure, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(failure).isLessThan(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
