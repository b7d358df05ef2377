package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.PurgeExpiredDataUseCase.Purged;
import com.plmr.mfa.application.port.in.PurgeExpiredDataUseCase;
import com.plmr.mfa.application.port.in.StoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the purge on every instance; runs that overlap take disjoint batches (SKIP LOCKED), so no
 * instance needs to be elected. Each run is logged as one line with its counts, and counted.
 */
@Singleton
@Requires(property = "mfa.retention.purge-enabled", value = "true", defaultValue = "true")
class PurgeJob {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeJob.class);
    private final PurgeExpiredDataUseCase purge;
    private final PurgeMetrics metrics;

    PurgeJob(PurgeExpiredDataUseCase purge, PurgeMetrics metrics) {
        this.purge = purge;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelay = "${mfa.retention.purge-interval:1h}", initialDelay = "${mfa.retention.purge-interval:1h}")
    void run() {
        try {
            Purged purged = purge.purgeExpired();
            metrics.count(purged);
            LOG.info("purged {} challenges, {} outbox messages, {} send quotas, {} failure streaks, {} audit events"
                    + " past retention, {} unverified authenticator apps past their enrolment", purged.challenges(),
                    purged.outboxMessages(), purged.sendQuotas(), purged.failureStreaks(), purged.auditEvents(),
                    purged.unverifiedRegistrations());
        } catch (StoreUnavailableException e) {
            LOG.warn("purge paused: the database is unavailable; retrying on the next run");
        } catch (RuntimeException e) {
            LOG.error("purge failed; retrying on the next run", e);
        }
    }
}
