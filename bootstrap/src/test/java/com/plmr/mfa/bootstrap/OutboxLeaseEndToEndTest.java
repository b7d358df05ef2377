package com.plmr.mfa.bootstrap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow SMS gateway and two dispatchers, and no message sent twice. The gateway (WireMock) holds
 * the first dispatcher's first two requests until the test has moved the clock by 100 s for each,
 * as a provider taking 100 s per message would; the lease is 150 s, longer than one request may
 * take (connect 5 s plus the request timeout, a real-time guard of 120 s), as the start-up check
 * demands. While the second request is held, 200 s after the round began, a second dispatcher runs
 * a round. Each message is leased for its own
 * send, so the second dispatcher takes only the messages nobody holds; a lease for the whole round
 * would have run out for the message in flight and for every message still waiting in the round.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxLeaseEndToEndTest implements TestPropertyProvider {

    private static final String PATH = "/hooks/sms";
    private static final Duration SEND = Duration.ofSeconds(100);
    private static final long WAIT_SECONDS = 60;

    @Inject
    EmbeddedServer server;
    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    TestClock clock;

    private final HeldRequests held = new HeldRequests(2);
    private final WireMockServer gateway = startGateway(held);
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final OutboxRows rows = new OutboxRows(database);

    private static WireMockServer startGateway(HeldRequests held) {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(held));
        server.start();
        return server;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.test.recording-sender", "false");
        properties.put("mfa.notify.sms.provider", "webhook");
        properties.put("mfa.notify.sms.webhook.url", "http://127.0.0.1:" + gateway.port() + PATH);
        properties.put("mfa.notify.sms.webhook.request-timeout", (WAIT_SECONDS * 2) + "s");
        properties.put("mfa.outbox.lease", "150s");
        return properties;
    }

    @AfterAll
    void stopGateway() {
        gateway.stop();
    }

    @Test
    void a_second_dispatcher_during_a_slow_round_sends_only_what_nobody_holds_and_nothing_twice() throws Exception {
        gateway.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"gw-1\"}")));
        List<String> challenges = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            challenges.add(initiateSms());
        }

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        held.awaitArrival();
        clock.advance(SEND);
        held.answer();
        held.awaitArrival();
        clock.advance(SEND);
        int second = dispatcher.dispatchDue();
        held.answer();
        int firstHandled = first.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(firstHandled).isEqualTo(2);
        assertThat(second).isEqualTo(2);
        List<LoggedRequest> requests = gateway.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).extracting(request -> request.getHeader("Idempotency-Key"))
                .hasSize(4).doesNotHaveDuplicates();
        for (String challenge : challenges) {
            OutboxRows.Row row = rows.single(challenge);
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.attempts()).isEqualTo(1);
        }
    }

    private String initiateSms() throws ApiException {
        ApiFixture api = new ApiFixture(server);
        String user = api.newUser(ApiFixture.newPhone(), null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        return challenge.getChallengeId();
    }

    /** Holds the gateway's first {@code count} requests until the test answers them; later ones pass. */
    static final class HeldRequests implements ServeEventListener {

        private final int count;
        private final AtomicInteger seen = new AtomicInteger();
        private final Semaphore arrived = new Semaphore(0);
        private final Semaphore answered = new Semaphore(0);

        HeldRequests(int count) {
            this.count = count;
        }

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            if (seen.incrementAndGet() <= count) {
                arrived.release();
                acquire(answered);
            }
        }

        void awaitArrival() {
            acquire(arrived);
        }

        void answer() {
            answered.release();
        }

        private static void acquire(Semaphore semaphore) {
            try {
                if (!semaphore.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("the gateway and the test lost step");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "held-requests";
        }
    }
}
