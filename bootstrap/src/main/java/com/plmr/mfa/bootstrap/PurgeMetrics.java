package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.PurgeExpiredDataUseCase.Purged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * Counts purged rows as {@value #PURGED}{@code {kind}}, kind one of {@code challenge},
 * {@code outbox_message}, {@code send_quota}, {@code failure_streak}, {@code audit_event},
 * {@code totp_registration} (unverified ones whose enrolment ran out). The counters are registered
 * when the service starts, so they read 0 before the first run instead of being absent (and stay 0
 * while the purge is off).
 */
@Context
class PurgeMetrics {

    static final String PURGED = "mfa.purge.deleted";
    private final Counter challenges;
    private final Counter outboxMessages;
    private final Counter sendQuotas;
    private final Counter failureStreaks;
    private final Counter auditEvents;
    private final Counter unverifiedRegistrations;

    PurgeMetrics(MeterRegistry registry) {
        challenges = counter(registry, "challenge");
        outboxMessages = counter(registry, "outbox_message");
        sendQuotas = counter(registry, "send_quota");
        failureStreaks = counter(registry, "failure_streak");
        auditEvents = counter(registry, "audit_event");
        unverifiedRegistrations = counter(registry, "totp_registration");
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder(PURGED).description("Rows deleted by the purge once past their retention")
                .tag("kind", kind).register(registry);
    }

    void count(Purged purged) {
        challenges.increment(purged.challenges());
        outboxMessages.increment(purged.outboxMessages());
        sendQuotas.increment(purged.sendQuotas());
        failureStreaks.increment(purged.failureStreaks());
        auditEvents.increment(purged.auditEvents());
        unverifiedRegistrations.increment(purged.unverifiedRegistrations());
    }
}
