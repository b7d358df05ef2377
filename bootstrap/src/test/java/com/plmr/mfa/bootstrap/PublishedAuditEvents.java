package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.PublishAuditEventPort;
import com.plmr.mfa.domain.audit.AuditEvent;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The audit events the service published (committed), for a test that waits for a decision another
 * party brings about on a thread of its own, such as a provider's callback: it waits for the event,
 * not for time to pass.
 */
@Singleton
@Requires(env = "test")
class PublishedAuditEvents implements PublishAuditEventPort {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void published(AuditEvent event) {
        events.add(event);
        notifyAll();
    }

    /** The first published event that matches, waiting for it at most {@code atMost}. */
    synchronized AuditEvent await(Predicate<AuditEvent> which, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Optional<AuditEvent> found = events.stream().filter(which).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such audit event within " + atMost);
            }
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }
}
