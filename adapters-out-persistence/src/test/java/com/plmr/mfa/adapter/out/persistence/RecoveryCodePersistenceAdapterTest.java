package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Recovery codes on the real MySQL-compatible server: whole sets replaced, each code used once. */
@MicronautTest(transactional = false, startApplication = false)
class RecoveryCodePersistenceAdapterTest extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @Inject
    RecoveryCodePersistenceAdapter codes;
    @Inject
    TransactionPort transactions;

    private static List<byte[]> hashes(int count, int seed) {
        return IntStream.range(0, count).mapToObj(i -> {
            byte[] hash = new byte[32];
            hash[0] = (byte) seed;
            hash[1] = (byte) i;
            return hash;
        }).toList();
    }

    private boolean replace(UserId user, List<byte[]> hashes, Instant at) {
        return transactions.inTransaction(() -> codes.replace(user, hashes, at));
    }

    private boolean markUsed(UserId user, byte[] hash, Instant at) {
        return transactions.inTransaction(() -> codes.markUsed(user, hash, at));
    }

    private Optional<RecoveryCodeSummary> summary(UserId user) {
        return transactions.inTransaction(() -> codes.summaryOf(user));
    }

    @Test
    void a_new_set_replaces_the_whole_earlier_one_and_says_it_did() {
        UserId user = new UserId("u-" + UUID.randomUUID());
        List<byte[]> first = hashes(10, 1);

        assertThat(summary(user)).isEmpty();
        assertThat(replace(user, first, NOW)).isFalse();
        assertThat(markUsed(user, first.get(0), NOW.plusSeconds(1))).isTrue();
        assertThat(summary(user)).contains(new RecoveryCodeSummary(9, 10, NOW, Optional.of(NOW.plusSeconds(1))));

        assertThat(replace(user, hashes(4, 2), NOW.plusSeconds(60))).isTrue();

        assertThat(summary(user)).contains(new RecoveryCodeSummary(4, 4, NOW.plusSeconds(60), Optional.empty()));
        assertThat(markUsed(user, first.get(1), NOW.plusSeconds(61))).isFalse();
    }

    @Test
    void a_code_is_used_once_and_only_by_its_user() {
        UserId user = new UserId("u-" + UUID.randomUUID());
        List<byte[]> set = hashes(2, 3);
        replace(user, set, NOW);

        assertThat(markUsed(new UserId("u-" + UUID.randomUUID()), set.get(0), NOW)).isFalse();
        assertThat(markUsed(user, set.get(0), NOW)).isTrue();
        assertThat(markUsed(user, set.get(0), NOW.plusSeconds(5))).isFalse();
        assertThat(summary(user)).map(RecoveryCodeSummary::lastUsed).contains(Optional.of(NOW));
    }

    @Test
    void of_concurrent_uses_of_one_code_in_transactions_of_their_own_exactly_one_marks_it() throws Exception {
        UserId user = new UserId("u-" + UUID.randomUUID());
        byte[] code = hashes(1, 4).get(0);
        replace(user, List.of(code), NOW);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Boolean> won = new ArrayList<>();
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Boolean> use = () -> {
                    start.await();
                    return markUsed(user, code, NOW);
                };
                answers.add(pool.submit(use));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                won.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(won).containsOnlyOnce(true).hasSize(racers);
        assertThat(summary(user)).map(RecoveryCodeSummary::remaining).contains(0);
    }
}
