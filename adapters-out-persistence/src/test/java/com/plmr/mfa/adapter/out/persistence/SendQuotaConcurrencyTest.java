package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.SendQuotaPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.abuse.SendQuota;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The send counters on the real database: exact under concurrency, all or nothing. */
@MicronautTest(transactional = false, startApplication = false)
class SendQuotaConcurrencyTest extends DatabaseTest {

    private static final Instant WINDOW = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    SendQuotaPort quotas;
    @Inject
    TransactionPort transactions;

    @Test
    void concurrent_sends_from_many_connections_never_exceed_the_limit() throws Exception {
        List<SendQuota> shared = List.of(
                new SendQuota("d:" + UUID.randomUUID(), WINDOW, Duration.ofHours(1), 5),
                new SendQuota("u:" + UUID.randomUUID(), WINDOW, Duration.ofHours(1), 7));
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Boolean> send = () -> {
                    start.await();
                    return transactions.inTransaction(() -> quotas.tryConsume(shared)).isEmpty();
                };
                results.add(pool.submit(send));
            }
            start.countDown();
            int granted = 0;
            for (Future<Boolean> result : results) {
                granted += result.get() ? 1 : 0;
            }

            assertThat(granted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_refused_send_counts_against_no_quota() {
        SendQuota roomy = new SendQuota("u:" + UUID.randomUUID(), WINDOW, Duration.ofHours(1), 2);
        SendQuota tight = new SendQuota("d:" + UUID.randomUUID(), WINDOW, Duration.ofHours(1), 1);
        assertThat(transactions.inTransaction(() -> quotas.tryConsume(List.of(roomy, tight)))).isEmpty();

        assertThat(transactions.inTransaction(() -> quotas.tryConsume(List.of(roomy, tight)))).containsExactly(tight);
        assertThat(transactions.inTransaction(() -> quotas.tryConsume(List.of(roomy)))).isEmpty();
        assertThat(transactions.inTransaction(() -> quotas.tryConsume(List.of(roomy)))).containsExactly(roomy);
    }
}
