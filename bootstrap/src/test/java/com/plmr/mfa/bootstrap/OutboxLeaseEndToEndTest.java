package com.plmr.mfa.bootstrap;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    private static final Duration SEND = Duration.ofSeconds(100);
    private static final long WAIT_SECONDS = HeldSmsGateway.WAIT_SECONDS;

    @Inject
    EmbeddedServer server;
    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    TestClock clock;

    private final HeldSmsGateway held = new HeldSmsGateway(2);
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final OutboxRows rows = new OutboxRows(database);

    @Override
    public Map<String, String> getProperties() {
        return held.properties(database, "150s");
    }

    @AfterAll
    void stopGateway() {
        held.close();
    }

    @Test
    void a_second_dispatcher_during_a_slow_round_sends_only_what_nobody_holds_and_nothing_twice() throws Exception {
        held.acceptEveryMessage();
        List<String> challenges = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            challenges.add(new ApiFixture(server).initiatedSmsChallenge());
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
        List<LoggedRequest> requests = held.requests();
        assertThat(requests).extracting(request -> request.getHeader("Idempotency-Key"))
                .hasSize(4).doesNotHaveDuplicates();
        for (String challenge : challenges) {
            OutboxRows.Row row = rows.single(challenge);
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.attempts()).isEqualTo(1);
        }
    }
}
