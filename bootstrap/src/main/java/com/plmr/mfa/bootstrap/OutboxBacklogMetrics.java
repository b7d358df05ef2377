package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.StoreUnavailableException;
import com.plmr.mfa.application.port.out.OutboxBacklogPort.DueMessages;
import com.plmr.mfa.application.port.out.OutboxBacklogPort;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox backlog as two gauges: {@value #DUE} (messages due to be sent, counted up to
 * {@value #LIMIT}) and {@value #OLDEST_DUE_AGE} (how long the longest-waiting due message has been
 * due; 0 when none is). Every instance reads the shared outbox every {@value #INTERVAL}, one bounded
 * read that locks nothing ({@link OutboxBacklogPort}); a scrape only shows the last reading, so it
 * never reaches the database and never waits for it. Both gauges read NaN (unknown, not zero) while
 * the database cannot be read and once the last reading is older than {@link #STALE_AFTER} by the
 * service's clock (a read hanging on a silent database), so no alert fires or clears on a number
 * nobody measured. Registered at start; NaN until the first reading.
 */
@Context
class OutboxBacklogMetrics {

    static final String DUE = "mfa.outbox.due";
    static final String OLDEST_DUE_AGE = "mfa.outbox.oldest.due.age";
    static final int LIMIT = 10_000;
    static final String INTERVAL = "10s";
    static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxBacklogMetrics.class);

    private final OutboxBacklogPort outbox;
    private final Clock clock;
    private final AtomicReference<Reading> last = new AtomicReference<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    OutboxBacklogMetrics(OutboxBacklogPort outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder(DUE, this, OutboxBacklogMetrics::dueMessages).baseUnit("messages")
                .description("Outbox messages due to be sent, counted up to " + LIMIT + "; NaN while unknown")
                .register(registry);
        TimeGauge.builder(OLDEST_DUE_AGE, this, TimeUnit.SECONDS, OutboxBacklogMetrics::oldestDueAgeSeconds)
                .description("How long the longest-waiting due outbox message has been due (0 when none is);"
                        + " NaN while unknown")
                .register(registry);
    }

    /** Reads the backlog once; a failure makes the gauges unknown until the next reading succeeds. */
    @Scheduled(fixedDelay = INTERVAL, initialDelay = INTERVAL)
    void refresh() {
        Instant now = clock.instant();
        try {
            DueMessages due = outbox.due(now, LIMIT);
            last.set(new Reading(now, due.count(), due.oldest().map(oldest -> Duration.between(oldest, now))
                    .orElse(Duration.ZERO)));
            failing.set(false);
        } catch (StoreUnavailableException e) {
            last.set(null);
            LOG.debug("outbox backlog unknown: the database is unavailable (the dispatcher says so too)");
        } catch (RuntimeException e) {
            last.set(null);
            if (!failing.getAndSet(true)) {
                LOG.warn("outbox backlog unknown until it can be read again: {}", e.getClass().getSimpleName());
            }
        }
    }

    double dueMessages() {
        Reading reading = current();
        return reading == null ? Double.NaN : reading.due();
    }

    double oldestDueAgeSeconds() {
        Reading reading = current();
        return reading == null ? Double.NaN : reading.oldestDueAge().toMillis() / 1000.0;
    }

    private Reading current() {
        Reading reading = last.get();
        return reading == null || clock.instant().isAfter(reading.at().plus(STALE_AFTER)) ? null : reading;
    }

    private record Reading(Instant at, int due, Duration oldestDueAge) {
    }
}
