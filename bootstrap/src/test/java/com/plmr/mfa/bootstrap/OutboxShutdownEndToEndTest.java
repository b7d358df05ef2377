package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox dispatcher at shutdown, on the real database with an SMS gateway (WireMock) that holds
 * each request until the test answers it: the job claims nothing more once the shutdown asked it to
 * stop, and the shutdown waits for the message under way; when the shutdown cannot wait any longer,
 * that message is given back due at once, another dispatcher sends it with the same idempotency key,
 * and the late result of the first send is fenced off.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxShutdownEndToEndTest implements TestPropertyProvider {

    private static final long WAIT_SECONDS = HeldSmsGateway.WAIT_SECONDS;

    @Inject
    EmbeddedServer server;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    /** One hold for the first test, two for the second, in either order. */
    private final HeldSmsGateway held = new HeldSmsGateway(3);
    /** The dispatcher's warnings about the sends a shutdown interrupts, which the tests cause. */
    @RegisterExtension
    final RecordedLog dispatchLines = RecordedLog.of(OutboxDispatchJob.class, Level.WARN)
            .and("com.plmr.mfa.adapter.out.persistence.OutboxPersistenceAdapter", Level.WARN);
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final OutboxRows rows = new OutboxRows(database);

    @Override
    public Map<String, String> getProperties() {
        return held.properties(database, "150s");
    }

    @BeforeEach
    void acceptEveryMessage() {
        held.acceptEveryMessage();
    }

    @AfterAll
    void stopGateway() {
        held.close();
    }

    @Test
    void a_shutdown_waits_for_the_message_under_way_and_claims_no_other() throws Exception {
        String first = new ApiFixture(server).initiatedSmsChallenge();
        String second = new ApiFixture(server).initiatedSmsChallenge();
        OutboxDispatchJob job = new OutboxDispatchJob(dispatcher);
        CompletableFuture<Void> round = CompletableFuture.runAsync(job::dispatch);
        held.awaitArrival();

        CompletableFuture<?> drained = job.shutdownGracefully().toCompletableFuture();

        assertThat(drained).as("the shutdown waits for the send under way").isNotDone();
        assertThat(job.reportActiveTasks()).hasValue(1);
        held.answer();
        drained.get(WAIT_SECONDS, TimeUnit.SECONDS);
        round.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(job.reportActiveTasks()).hasValue(0);
        assertThat(List.of(rows.single(first), rows.single(second))).as("one sent, the other never claimed")
                .extracting(row -> row.status() + " " + row.attempts()).containsExactlyInAnyOrder("SENT 1", "QUEUED 0");
        job.dispatch();
        assertThat(rows.single(first).attempts() + rows.single(second).attempts()).as("a stopped job starts no round")
                .isEqualTo(1);
    }

    @Test
    void a_send_the_shutdown_cannot_wait_for_is_given_back_and_sent_at_once_by_another_dispatcher() throws Exception {
        String challenge = new ApiFixture(server).initiatedSmsChallenge();
        OutboxDispatchJob job = new OutboxDispatchJob(dispatcher);
        CompletableFuture<Void> round = CompletableFuture.runAsync(job::dispatch);
        held.awaitArrival();
        job.shutdownGracefully();

        job.stop();

        OutboxRows.Row released = rows.single(challenge);
        assertThat(released.status()).isEqualTo("QUEUED");
        assertThat(released.attempts()).isEqualTo(1);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        held.awaitArrival();
        held.answer();
        held.answer();
        assertThat(other.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("due at once, not after the lease").isEqualTo(1);
        round.get(WAIT_SECONDS, TimeUnit.SECONDS);
        OutboxRows.Row sent = rows.single(challenge);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).as("the first send's late result was fenced off").isEqualTo(2);
        List<LoggedRequest> requests = held.requests();
        assertThat(requests.subList(requests.size() - 2, requests.size()))
                .extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(sent.id());
    }
}
