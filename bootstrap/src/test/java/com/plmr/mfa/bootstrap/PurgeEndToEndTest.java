package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.PurgeExpiredDataUseCase.Purged;
import com.plmr.mfa.application.port.in.PurgeExpiredDataUseCase;
import com.plmr.mfa.application.port.out.PurgeExpiredDataPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge on the real database, with the test clock: it deletes exactly the rows past their
 * retention (defaults: challenges 30 days after expiry, outbox messages 7 days after their final
 * status, send quotas 1 day after their window, failure streaks 30 days after their lock), in
 * batches of a bounded size, skipping rows others hold, and two purges at once share the work.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurgeEndToEndTest implements TestPropertyProvider {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final int BATCH = 3;

    @Inject
    PurgeExpiredDataUseCase purge;
    @Inject
    PurgeExpiredDataPort batches;
    @Inject
    PurgeJob job;
    @Inject
    MeterRegistry meters;
    @Inject
    TestClock clock;

    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final RetentionRows rows = new RetentionRows(database);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.retention.batch-size", String.valueOf(BATCH));
        // the job exists (its counters too) but never fires by itself: the tests run it
        properties.put("mfa.retention.purge-enabled", "true");
        properties.put("mfa.retention.purge-interval", "1d");
        return properties;
    }

    @BeforeEach
    void emptySchema() {
        rows.clear();
        clock.set(NOW);
    }

    @Test
    void deletes_exactly_the_rows_past_their_retention_and_nothing_else() {
        rows.challenge("ch-old", "u-1", NOW.minus(DAY.multipliedBy(30)).minusSeconds(1));
        rows.challenge("ch-at-cutoff", "u-1", NOW.minus(DAY.multipliedBy(30)));
        rows.challenge("ch-recent", "u-1", NOW.minus(DAY.multipliedBy(29)));
        rows.message("m-old-sent", "ch-recent", NOW.minus(DAY.multipliedBy(7)).minusSeconds(1), null);
        rows.message("m-at-cutoff", "ch-recent", NOW.minus(DAY.multipliedBy(7)), null);
        rows.message("m-old-unfinished", "ch-recent", NOW.minus(DAY.multipliedBy(8)), NOW.minus(DAY.multipliedBy(8)));
        rows.quota("u:u-1", 3600, NOW.minus(DAY).minus(Duration.ofHours(2)));
        rows.quota("d:dest", 86400, NOW.minus(DAY).minus(Duration.ofHours(12)));
        rows.quota("u:u-2", 3600, NOW.minus(DAY).minus(Duration.ofMinutes(30)));
        rows.streak("u-reset", 0, null);
        rows.streak("u-failing", 3, null);
        rows.streak("u-lock-ended-long-ago", 20, NOW.minus(DAY.multipliedBy(30)).minusSeconds(1));
        rows.streak("u-lock-ended-lately", 20, NOW.minus(DAY.multipliedBy(29)));
        rows.streak("u-locked", 25, NOW.plus(Duration.ofHours(1)));

        Purged purged = purge.purgeExpired();

        assertThat(purged).isEqualTo(new Purged(1, 1, 1, 2, 0, 0));
        assertThat(rows.ids("SELECT id FROM challenge ORDER BY id")).containsExactly("ch-at-cutoff", "ch-recent");
        assertThat(rows.ids("SELECT id FROM outbox_message ORDER BY id"))
                .containsExactly("m-at-cutoff", "m-old-unfinished");
        assertThat(rows.ids("SELECT quota_key FROM send_quota ORDER BY quota_key")).containsExactly("d:dest", "u:u-2");
        assertThat(rows.ids("SELECT user_id FROM verify_failure_streak ORDER BY user_id"))
                .containsExactly("u-failing", "u-lock-ended-lately", "u-locked");
    }

    @Test
    void deletes_audit_events_older_than_their_retention_and_keeps_the_rest() {
        rows.auditEvent("evt-old", NOW.minus(DAY.multipliedBy(365)).minusSeconds(1));
        rows.auditEvent("evt-at-cutoff", NOW.minus(DAY.multipliedBy(365)));
        rows.auditEvent("evt-recent", NOW.minus(DAY));

        assertThat(purge.purgeExpired()).isEqualTo(new Purged(0, 0, 0, 0, 1, 0));

        assertThat(rows.ids("SELECT id FROM audit_event ORDER BY id")).containsExactly("evt-at-cutoff", "evt-recent");
    }

    @Test
    void a_purged_challenge_takes_the_outbox_messages_still_stored_for_it_along() {
        rows.challenge("ch-old", "u-1", NOW.minus(DAY.multipliedBy(40)));
        rows.message("m-stuck", "ch-old", NOW.minus(DAY.multipliedBy(40)), NOW.minus(DAY.multipliedBy(40)));
        rows.challenge("ch-recent", "u-1", NOW.minus(DAY));
        rows.message("m-recent", "ch-recent", NOW.minus(DAY), null);

        assertThat(purge.purgeExpired()).isEqualTo(new Purged(1, 0, 0, 0, 0, 0));

        assertThat(rows.ids("SELECT id FROM outbox_message")).containsExactly("m-recent");
    }

    @Test
    void one_batch_deletes_at_most_its_limit_oldest_first() {
        for (int i = 0; i < 7; i++) {
            rows.message("m-" + i, "ch-any", NOW.minus(DAY.multipliedBy(20 - i)), null);
        }
        Instant cutoff = NOW.minus(DAY.multipliedBy(7));

        assertThat(batches.purgeOutboxMessagesFinishedBefore(cutoff, 3)).isEqualTo(3);
        assertThat(rows.ids("SELECT id FROM outbox_message ORDER BY id")).containsExactly("m-3", "m-4", "m-5", "m-6");
        assertThat(batches.purgeOutboxMessagesFinishedBefore(cutoff, 3)).isEqualTo(3);
        assertThat(batches.purgeOutboxMessagesFinishedBefore(cutoff, 3)).isEqualTo(1);
        assertThat(batches.purgeOutboxMessagesFinishedBefore(cutoff, 3)).isZero();
    }

    @Test
    void a_row_another_transaction_holds_is_skipped_not_waited_for() throws Exception {
        for (int i = 0; i < 4; i++) {
            rows.challenge("ch-" + i, "u-1", NOW.minus(DAY.multipliedBy(40 + i)));
        }
        try (Connection holder = rows.connect(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT id FROM challenge WHERE id = 'ch-2' FOR UPDATE").close();

            assertThat(CompletableFuture.supplyAsync(purge::purgeExpired).get(30, TimeUnit.SECONDS).challenges())
                    .isEqualTo(3);
            holder.commit();
        }
        assertThat(rows.ids("SELECT id FROM challenge")).containsExactly("ch-2");
        assertThat(purge.purgeExpired().challenges()).isEqualTo(1);
    }

    @Test
    void two_purges_at_once_delete_every_expired_row_exactly_once_and_keep_the_rest() throws Exception {
        int expired = 60;
        for (int i = 0; i < expired; i++) {
            rows.challenge("ch-old-" + i, "u-" + i, NOW.minus(DAY.multipliedBy(31)).minusSeconds(i));
            rows.message("m-old-" + i, "ch-keep", NOW.minus(DAY.multipliedBy(8)).minusSeconds(i), null);
            rows.quota("u:u-" + i, 3600, NOW.minus(DAY.multipliedBy(2)).minusSeconds(3600L * i));
            rows.streak("u-" + i, 0, null);
        }
        rows.challenge("ch-keep", "u-keep", NOW.minus(DAY));
        rows.message("m-keep", "ch-keep", NOW.minus(DAY), null);
        rows.quota("u:u-keep", 3600, NOW.minus(Duration.ofHours(1)));
        rows.streak("u-keep", 4, null);
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Purged>> runs = List.of(1, 2).stream().map(run -> CompletableFuture.supplyAsync(() -> {
            awaitQuietly(start);
            return purge.purgeExpired();
        })).toList();
        start.countDown();
        List<Purged> results = runs.stream().map(run -> run.orTimeout(60, TimeUnit.SECONDS).join()).toList();

        assertThat(results.stream().mapToLong(Purged::challenges).sum()).isEqualTo(expired);
        assertThat(results.stream().mapToLong(Purged::outboxMessages).sum()).isEqualTo(expired);
        assertThat(results.stream().mapToLong(Purged::sendQuotas).sum()).isEqualTo(expired);
        assertThat(results.stream().mapToLong(Purged::failureStreaks).sum()).isEqualTo(expired);
        assertThat(rows.ids("SELECT id FROM challenge")).containsExactly("ch-keep");
        assertThat(rows.ids("SELECT id FROM outbox_message")).containsExactly("m-keep");
        assertThat(rows.ids("SELECT quota_key FROM send_quota")).containsExactly("u:u-keep");
        assertThat(rows.ids("SELECT user_id FROM verify_failure_streak")).containsExactly("u-keep");
    }

    @Test
    void a_run_of_the_job_is_one_log_line_with_its_counts_and_is_counted() {
        double before = meters.get(PurgeMetrics.PURGED).tag("kind", "challenge").counter().count();
        rows.challenge("ch-old", "u-1", NOW.minus(DAY.multipliedBy(31)));
        rows.streak("u-1", 0, null);
        List<String> lines;
        try (RecordedLog log = RecordedLog.of(PurgeJob.class, Level.INFO).start()) {
            job.run();
            lines = log.messages();
        }

        assertThat(lines).containsExactly(
                "purged 1 challenges, 0 outbox messages, 0 send quotas, 1 failure streaks, 0 audit events past retention,"
                        + " 0 unverified authenticator apps past their enrolment");
        assertThat(meters.get(PurgeMetrics.PURGED).tag("kind", "challenge").counter().count()).isEqualTo(before + 1);
        assertThat(meters.find(PurgeMetrics.PURGED).counters()).hasSize(6);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
