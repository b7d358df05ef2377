package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.PurgeExpiredDataUseCase;
import com.plmr.mfa.application.port.out.PurgeExpiredDataPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * Deletes every kind of expired row in bounded batches, each its own short transaction, until a batch
 * comes back short. The cut-offs are fixed at the start of the run (the injected clock), so a run ends
 * even while new rows keep arriving: nothing written during the run is old enough.
 */
public final class PurgeExpiredDataService implements PurgeExpiredDataUseCase {

    /**
     * How long each kind of row is kept after it is finished, and how many rows one transaction
     * deletes. A challenge is finished when it is consumed, cancelled or locked, and at its expiry at
     * the latest; the retention counts from its expiry. Send quotas count from the end of their window,
     * so a quota is never deleted while it still limits sends; failure streaks from the end of their lock;
     * audit events from when they occurred.
     */
    public record RetentionPolicy(Duration challenges, Duration outboxMessages, Duration sendQuotas,
                                  Duration failureStreaks, Duration auditEvents, int batchSize) {

        static final Duration SHORTEST = Duration.ofHours(1);
        static final Duration LONGEST = Duration.ofDays(3650);

        public RetentionPolicy {
            require(inRange(challenges), "challenges", "1h to 3650d");
            require(inRange(outboxMessages), "outboxMessages", "1h to 3650d");
            require(inRange(sendQuotas), "sendQuotas", "1h to 3650d");
            require(inRange(failureStreaks), "failureStreaks", "1h to 3650d");
            require(inRange(auditEvents), "auditEvents", "1h to 3650d");
            require(batchSize >= 1 && batchSize <= 10_000, "batchSize", "1 to 10000");
        }

        /**
         * Challenges 30 days, outbox messages 7 days, send quotas 1 day, failure streaks 30 days, audit
         * events 365 days; 500 rows a batch.
         */
        public static RetentionPolicy defaults() {
            return new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(30),
                    Duration.ofDays(365), 500);
        }

        private static boolean inRange(Duration retention) {
            return retention != null && retention.compareTo(SHORTEST) >= 0 && retention.compareTo(LONGEST) <= 0;
        }
    }

    private final PurgeExpiredDataPort rows;
    private final RetentionPolicy policy;
    private final Duration enrolmentTtl;
    private final Clock clock;

    /** @param enrolmentTtl how long an unverified authenticator-app registration can be verified ({@code TotpPolicy}) */
    public PurgeExpiredDataService(PurgeExpiredDataPort rows, RetentionPolicy policy, Duration enrolmentTtl,
                                   Clock clock) {
        this.rows = rows;
        this.policy = policy;
        this.enrolmentTtl = enrolmentTtl;
        this.clock = clock;
    }

    @Override
    public Purged purgeExpired() {
        Instant now = clock.instant();
        // outbox messages first: most of a challenge's messages are then gone before the challenge is
        long outbox = inBatches(rows::purgeOutboxMessagesFinishedBefore, now.minus(policy.outboxMessages()));
        long challenges = inBatches(rows::purgeChallengesEndedBefore, now.minus(policy.challenges()));
        long quotas = inBatches(rows::purgeSendQuotasEndedBefore, now.minus(policy.sendQuotas()));
        long streaks = inBatches(rows::purgeFailureStreaksIdleSince, now.minus(policy.failureStreaks()));
        long events = inBatches(rows::purgeAuditEventsBefore, now.minus(policy.auditEvents()));
        long unverified = inBatches(rows::purgeUnverifiedRegistrationsStartedBy, now.minus(enrolmentTtl));
        return new Purged(challenges, outbox, quotas, streaks, events, unverified);
    }

    private long inBatches(BiFunction<Instant, Integer, Integer> batch, Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = batch.apply(cutoff, policy.batchSize());
            total += deleted;
        } while (deleted == policy.batchSize());
        return total;
    }
}
