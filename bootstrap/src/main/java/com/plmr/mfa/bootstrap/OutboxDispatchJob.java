package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.application.port.out.StoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the outbox dispatcher on every instance; several instances share the work through SKIP LOCKED. */
@Singleton
@Requires(property = "mfa.outbox.dispatcher.enabled", value = "true", defaultValue = "true")
class OutboxDispatchJob {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatchJob.class);
    private final DispatchDueMessagesUseCase dispatcher;

    OutboxDispatchJob(DispatchDueMessagesUseCase dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${mfa.outbox.poll-interval:1s}", initialDelay = "${mfa.outbox.poll-interval:1s}")
    void dispatch() {
        try {
            while (dispatcher.dispatchDue() > 0) {
                LOG.debug("outbox batch dispatched");
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("outbox dispatch paused: the database is unavailable; retrying on the next tick");
        } catch (RuntimeException e) {
            LOG.error("outbox dispatch failed; retrying on the next tick", e);
        }
    }
}
