package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.domain.delivery.CodeMessage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Initiates and dispatchers contending for the outbox on the real database: two service instances
 * share one schema; initiates run in parallel on both while three dispatchers per instance claim
 * without pause. No transaction may fail for a lock conflict, none may even need the one retry
 * the transaction boundary grants, and every message is sent exactly once. The clock stands still,
 * so no lease can run out: a message sent twice would be a claim handed out twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxContentionEndToEndTest {

    private static final int INITIATES = 300;
    private static final int DISPATCHERS_PER_INSTANCE = 3;
    private static final String TRANSACTIONS_LOGGER = "com.plmr.mfa.adapter.out.persistence.JdbcTransactionAdapter";

    private final Map<String, Object> database = Map.copyOf(TestDatabase.isolatedProperties());
    private final RecordedLog retries = RecordedLog.of(TRANSACTIONS_LOGGER, Level.WARN);
    private final ExecutorService clients = Executors.newFixedThreadPool(12);
    private List<EmbeddedServer> instances;

    @BeforeAll
    void startTwoInstancesOnOneSchema() {
        instances = List.of(ApplicationContext.run(EmbeddedServer.class, database, "test"),
                ApplicationContext.run(EmbeddedServer.class, database, "test"));
        retries.start();
    }

    @AfterAll
    void stop() {
        retries.close();
        clients.shutdownNow();
        instances.forEach(EmbeddedServer::stop);
    }

    @Test
    void parallel_initiates_on_two_instances_while_both_dispatch_meet_no_lock_conflict_and_send_each_code_once()
            throws Exception {
        List<Target> targets = collect(setUp());
        ConcurrentLinkedQueue<RuntimeException> dispatchFailures = new ConcurrentLinkedQueue<>();
        AtomicBoolean initiating = new AtomicBoolean(true);
        List<Thread> dispatchers = startDispatchers(initiating, dispatchFailures);

        List<Integer> statuses;
        try {
            statuses = collect(initiates(targets));
        } finally {
            initiating.set(false);
            for (Thread dispatcher : dispatchers) {
                dispatcher.join(TimeUnit.MINUTES.toMillis(1));
            }
        }
        drain(dispatcher(instances.get(0)));

        assertThat(statuses).hasSize(INITIATES).containsOnly(200);
        assertThat(dispatchFailures).isEmpty();
        assertThat(retries.messages()).isEmpty();
        List<String> sent = instances.stream()
                .flatMap(instance -> instance.getApplicationContext().getBean(RecordingSender.class).all().stream())
                .map(CodeMessage::messageId).toList();
        assertThat(sent).hasSize(INITIATES).doesNotHaveDuplicates();
    }

    private record Target(String user, String challengeId) {
    }

    private List<Callable<Target>> setUp() {
        ApiFixture api = new ApiFixture(instances.get(0));
        List<Callable<Target>> setUp = new ArrayList<>();
        for (int i = 0; i < INITIATES; i++) {
            setUp.add(() -> {
                String user = api.newUser(ApiFixture.newPhone(), null);
                return new Target(user, api.newChallenge(user, ChallengeMethod.SMS).getChallengeId());
            });
        }
        return setUp;
    }

    private List<Callable<Integer>> initiates(List<Target> targets) {
        List<Callable<Integer>> initiates = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            ApiFixture api = new ApiFixture(instances.get(i % 2));
            initiates.add(() -> {
                try {
                    api.sms(target.user()).initiateSms(target.challengeId(), null);
                    return 200;
                } catch (ApiException e) {
                    return e.getCode();
                }
            });
        }
        return initiates;
    }

    private List<Thread> startDispatchers(AtomicBoolean initiating, ConcurrentLinkedQueue<RuntimeException> failures) {
        List<Thread> dispatchers = new ArrayList<>();
        for (EmbeddedServer instance : instances) {
            DispatchDueMessagesUseCase dispatcher = dispatcher(instance);
            for (int i = 0; i < DISPATCHERS_PER_INSTANCE; i++) {
                Thread thread = new Thread(() -> {
                    while (initiating.get()) {
                        try {
                            dispatcher.dispatchDue();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }, "dispatcher-" + dispatchers.size());
                thread.start();
                dispatchers.add(thread);
            }
        }
        return dispatchers;
    }

    private static void drain(DispatchDueMessagesUseCase dispatcher) {
        int handled;
        do {
            handled = dispatcher.dispatchDue();
        } while (handled > 0);
    }

    private static DispatchDueMessagesUseCase dispatcher(EmbeddedServer instance) {
        return instance.getApplicationContext().getBean(DispatchDueMessagesUseCase.class);
    }

    private <T> List<T> collect(List<Callable<T>> calls) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : clients.invokeAll(calls, 5, TimeUnit.MINUTES)) {
            results.add(future.get());
        }
        return results;
    }
}
