package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.application.port.in.StoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs the outbox dispatcher on every instance; several instances share the work through SKIP LOCKED.
 *
 * <p>Shutdown: when the service stops, the graceful shutdown ({@code micronaut.lifecycle.graceful-shutdown})
 * asks this job first; it claims no further message, and the shutdown waits for the message under
 * way to be sent and recorded, as it waits for HTTP requests under way. When the grace period ends
 * before that send does, the job gives the message back to the outbox as it is destroyed, due at
 * once, so another instance sends it without waiting for the lease to run out (ADR 0006).
 */
@Singleton
@Requires(property = "mfa.outbox.dispatcher.enabled", value = "true", defaultValue = "true")
class OutboxDispatchJob implements GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatchJob.class);
    private final DispatchDueMessagesUseCase dispatcher;
    private final Object lock = new Object();
    private boolean stopping;
    private CompletableFuture<Void> round = CompletableFuture.completedFuture(null);

    OutboxDispatchJob(DispatchDueMessagesUseCase dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${mfa.outbox.poll-interval:1s}", initialDelay = "${mfa.outbox.poll-interval:1s}")
    void dispatch() {
        CompletableFuture<Void> current;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            current = new CompletableFuture<>();
            round = current;
        }
        try {
            while (!stopping() && dispatcher.dispatchDue(this::stopping) > 0) {
                LOG.debug("outbox batch dispatched");
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("outbox dispatch paused: the database is unavailable; retrying on the next tick");
        } catch (RuntimeException e) {
            LOG.error("outbox dispatch failed; retrying on the next tick", e);
        } finally {
            current.complete(null);
        }
    }

    /** Claims nothing more; completes once the round under way (if any) has recorded its last result. */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        synchronized (lock) {
            stopping = true;
            return round;
        }
    }

    @Override
    public OptionalLong reportActiveTasks() {
        synchronized (lock) {
            return OptionalLong.of(round.isDone() ? 0 : 1);
        }
    }

    /** Gives back the claim of a send the shutdown could not wait for; the database is still open here. */
    @PreDestroy
    void stop() {
        CompletableFuture<Void> current;
        synchronized (lock) {
            stopping = true;
            current = round;
        }
        if (!current.isDone()) {
            try {
                if (dispatcher.releaseInFlight()) {
                    LOG.warn("outbox: a message was still being sent at shutdown; it is due again at once");
                }
            } catch (RuntimeException e) {
                LOG.warn("outbox: the claim under way could not be given back ({}); it is due again when its lease"
                        + " runs out", e.getClass().getSimpleName());
            }
        }
    }

    private boolean stopping() {
        synchronized (lock) {
            return stopping;
        }
    }
}
