package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transaction boundary's one retry on the real database: a deadlock victim and a statement that
 * waited past the lock-wait timeout run once more from the start; other failures, a second
 * conflict and a nested transaction's conflict are not retried on their own. The conflicts are made
 * to happen, not waited for: two transactions lock two rows in opposite order, or a connection of
 * the test holds a row while the session's lock-wait timeout is one second.
 */
@MicronautTest(transactional = false, startApplication = false)
class TransactionRetryTest extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    TransactionPort transactions;
    @Inject
    ChallengePersistenceAdapter challenges;
    @Inject
    ConnectionOperations<Connection> connections;

    @Test
    void both_sides_of_a_deadlock_commit_because_the_victim_runs_once_more() throws Exception {
        ChallengeId a = saved();
        ChallengeId b = saved();
        CyclicBarrier eachHoldsOne = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();

        CompletableFuture<String> first = CompletableFuture.supplyAsync(
                () -> lockBoth(a, b, eachHoldsOne, runs, "first"));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(
                () -> lockBoth(b, a, eachHoldsOne, runs, "second"));

        assertThat(first.get(1, TimeUnit.MINUTES)).isEqualTo("first");
        assertThat(second.get(1, TimeUnit.MINUTES)).isEqualTo("second");
        assertThat(runs).as("two first runs and the victim's second").hasValue(3);
    }

    @Test
    void a_statement_that_waited_past_the_lock_wait_timeout_runs_once_more() throws SQLException {
        ChallengeId a = saved();
        AtomicInteger runs = new AtomicInteger();
        try (Connection holder = holding(a)) {
            String result = transactions.inTransaction(() -> {
                if (runs.incrementAndGet() == 2) {
                    commit(holder);
                }
                lockWithShortWait(a);
                return "locked";
            });
            assertThat(result).isEqualTo("locked");
        }
        assertThat(runs).hasValue(2);
    }

    @Test
    @SuppressWarnings("try") // the held row lock is the point of the resource
    void a_second_conflict_goes_to_the_caller() throws SQLException {
        ChallengeId a = saved();
        AtomicInteger runs = new AtomicInteger();
        try (Connection holder = holding(a)) {
            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                runs.incrementAndGet();
                return lockWithShortWait(a);
            })).hasRootCauseInstanceOf(SQLException.class);
        }
        assertThat(runs).hasValue(2);
    }

    @Test
    void a_nested_transaction_is_retried_only_as_part_of_the_outer_one() throws SQLException {
        ChallengeId a = saved();
        AtomicInteger outerRuns = new AtomicInteger();
        AtomicInteger innerRuns = new AtomicInteger();
        try (Connection holder = holding(a)) {
            transactions.inTransaction(() -> {
                if (outerRuns.incrementAndGet() == 2) {
                    commit(holder);
                }
                return transactions.inTransaction(() -> {
                    innerRuns.incrementAndGet();
                    return lockWithShortWait(a);
                });
            });
        }
        assertThat(outerRuns).hasValue(2);
        assertThat(innerRuns).as("once per outer run").hasValue(2);
    }

    @Test
    void any_other_failure_is_not_retried() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("not a lock conflict");
        })).hasMessage("not a lock conflict");
        assertThat(runs).hasValue(1);
    }

    private String lockBoth(ChallengeId firstLock, ChallengeId secondLock, CyclicBarrier eachHoldsOne,
                            AtomicInteger runs, String name) {
        return transactions.inTransaction(() -> {
            boolean firstRun = runs.incrementAndGet() <= 2;
            challenges.loadLocked(firstLock);
            if (firstRun) {
                await(eachHoldsOne);
            }
            challenges.loadLocked(secondLock);
            return name;
        });
    }

    private ChallengeId saved() {
        Challenge challenge = Challenge.open(new ChallengeId("ch_" + UUID.randomUUID().toString().replace("-", "")),
                new UserId("u-retry"), new StepUpContext("payment", "pay-1", null, null), Set.of(), null,
                ChallengePolicy.defaults(), NOW);
        transactions.inTransaction(() -> {
            challenges.add(challenge);
            return null;
        });
        return challenge.id();
    }

    /** A connection of the test that holds the challenge's row lock until it commits. */
    private Connection holding(ChallengeId id) throws SQLException {
        Connection holder = connect();
        holder.setAutoCommit(false);
        try (Statement lock = holder.createStatement()) {
            lock.executeQuery("SELECT id FROM challenge WHERE id = '" + id.value() + "' FOR UPDATE").close();
        }
        return holder;
    }

    /** Locks the challenge in a session that gives up on a row lock after one second (error 1205). */
    private Challenge lockWithShortWait(ChallengeId id) {
        session("SET SESSION innodb_lock_wait_timeout = 1");
        try {
            return challenges.loadLocked(id).orElseThrow();
        } finally {
            session("SET SESSION innodb_lock_wait_timeout = DEFAULT");
        }
    }

    private void session(String sql) {
        try (Statement statement = connections.getConnectionStatus().getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void commit(Connection holder) {
        try {
            holder.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
