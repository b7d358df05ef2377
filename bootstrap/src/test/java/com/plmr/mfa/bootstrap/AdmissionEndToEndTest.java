package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.in.rest.Arrival;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload: with every admission permit held by requests in progress, the next API request is
 * shed at once (it answers while the others are still held, so it cannot have waited for them)
 * with 503 and {@code Retry-After} in the error model of its path; health still answers, and the
 * permits come back when the held requests end. Every request reaches admission with the arrival
 * stamp of the server's edge, never one its client sent.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionEndToEndTest implements TestPropertyProvider {

    private static final int LIMIT = 3;
    private static final String SERVICE = "Authorization: Bearer " + TestTokens.service("payments", TestTokens.ALL_SCOPES);
    private static final String CHALLENGE = "/internal/v1/mfa/challenges/ch_unknown0000000000000";
    private static final String PHONE = "/resources/v3alpha/users/u-admission/phone";

    @Inject
    EmbeddedServer server;
    @Inject
    HoldingTestController holder;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("mfa.http.max-concurrent-requests", Integer.toString(LIMIT));
        properties.put("mfa.test.holding", "true");
        return properties;
    }

    @Test
    void past_the_limit_requests_are_shed_with_503_and_retry_after_until_capacity_frees_up() throws Exception {
        RawSocket http = new RawSocket(server);
        ExecutorService clients = Executors.newFixedThreadPool(LIMIT);
        List<CompletableFuture<RawSocket.Answer>> held = IntStream.range(0, LIMIT)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.send("GET", "/internal/v1/test-only/hold", List.of(), null),
                        clients))
                .toList();
        assertThat(holder.entered.tryAcquire(LIMIT, 60, TimeUnit.SECONDS)).as("all held requests entered").isTrue();

        RawSocket.Answer internal = http.send("GET", CHALLENGE, List.of(SERVICE), null);
        RawSocket.Answer resources = http.send("GET", PHONE, List.of(SERVICE), null);
        RawSocket.Answer health = http.send("GET", "/health/liveness", List.of(), null);

        assertThat(internal.status()).isEqualTo(503);
        assertThat(internal.header("Retry-After")).contains("1");
        assertThat(ErrorModel.assertAnswer(CHALLENGE, internal).path("retryAfterSeconds").asInt()).isEqualTo(1);
        assertThat(resources.status()).isEqualTo(503);
        assertThat(ErrorModel.assertAnswer(PHONE, resources).path("code").asInt()).isEqualTo(14);
        assertThat(health.status()).isEqualTo(200);
        assertThat(held).allMatch(answer -> !answer.isDone());

        holder.release.countDown();

        for (CompletableFuture<RawSocket.Answer> answer : held) {
            assertThat(answer.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        clients.shutdown();
        for (int i = 0; i < 2 * LIMIT; i++) {
            assertThat(http.send("GET", CHALLENGE, List.of(SERVICE), null).status()).isEqualTo(404);
        }
    }

    @Test
    void every_request_reaches_admission_with_the_arrival_stamp_of_the_edge_never_one_its_client_sent() {
        long forged = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

        RawSocket.Answer answer = new RawSocket(server).send("GET", "/internal/v1/test-only/arrival",
                List.of(Arrival.HEADER + ": " + forged), null);
        long answered = System.nanoTime();

        assertThat(answer.status()).isEqualTo(200);
        long stamp = Long.parseLong(answer.body().replaceAll("^\\{\"arrival\":\"(-?\\d+)\"}$", "$1"));
        assertThat(stamp).isGreaterThan(forged).isLessThanOrEqualTo(answered);
    }
}
