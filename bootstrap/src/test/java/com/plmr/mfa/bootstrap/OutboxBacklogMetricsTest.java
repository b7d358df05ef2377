package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.StoreUnavailableException;
import com.plmr.mfa.application.port.out.OutboxBacklogPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox gauges show the last reading and never read the database themselves, so a scrape
 * neither waits for a database that is away nor fails; a reading that failed or grew old is unknown.
 */
class OutboxBacklogMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final OutboxBacklogPort outbox = (at, limit) -> {
        reads.incrementAndGet();
        if (failure.get() != null) {
            throw failure.get();
        }
        assertThat(limit).isEqualTo(OutboxBacklogMetrics.LIMIT);
        return new OutboxBacklogPort.DueMessages(3, Optional.of(at.minusSeconds(42)));
    };
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxBacklogMetrics metrics = new OutboxBacklogMetrics(outbox, new MovableClock(), registry);

    @Test
    void both_gauges_are_registered_at_once_and_unknown_until_the_first_reading() {
        assertThat(gauge(OutboxBacklogMetrics.DUE)).isNaN();
        assertThat(gauge(OutboxBacklogMetrics.OLDEST_DUE_AGE)).isNaN();
        assertThat(reads).hasValue(0);
    }

    @Test
    void a_scrape_shows_the_last_reading_without_reading_the_outbox() {
        metrics.refresh();

        for (int scrape = 0; scrape < 3; scrape++) {
            assertThat(gauge(OutboxBacklogMetrics.DUE)).isEqualTo(3);
            assertThat(gauge(OutboxBacklogMetrics.OLDEST_DUE_AGE)).isEqualTo(42);
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void while_the_database_cannot_be_read_the_gauges_are_unknown_and_a_scrape_does_not_fail() {
        metrics.refresh();
        failure.set(new StoreUnavailableException(new SQLTransientConnectionException("pool timeout")));

        metrics.refresh();

        assertThat(gauge(OutboxBacklogMetrics.DUE)).isNaN();
        assertThat(gauge(OutboxBacklogMetrics.OLDEST_DUE_AGE)).isNaN();
        failure.set(null);
        metrics.refresh();
        assertThat(gauge(OutboxBacklogMetrics.DUE)).isEqualTo(3);
    }

    @Test
    void a_reading_older_than_a_minute_is_unknown_as_a_read_hanging_on_a_silent_database_leaves_it() {
        metrics.refresh();

        now.set(NOW.plus(OutboxBacklogMetrics.STALE_AFTER));
        assertThat(gauge(OutboxBacklogMetrics.DUE)).isEqualTo(3);
        now.set(NOW.plus(OutboxBacklogMetrics.STALE_AFTER).plus(Duration.ofSeconds(1)));
        assertThat(gauge(OutboxBacklogMetrics.DUE)).isNaN();
        assertThat(gauge(OutboxBacklogMetrics.OLDEST_DUE_AGE)).isNaN();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private final class MovableClock extends Clock {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
