package com.plmr.mfa.application.port.in;

/**
 * Deletes what the service no longer needs once its retention period is over: finished challenges,
 * finished outbox messages, send quotas of ended windows, failure streaks that no longer hold
 * anything back and audit events past their retention. Run periodically by every instance; runs at the same time share the work.
 */
public interface PurgeExpiredDataUseCase {

    /** @return how many rows of each kind this run deleted */
    Purged purgeExpired();

    /** Rows deleted by one run, by kind. */
    record Purged(long challenges, long outboxMessages, long sendQuotas, long failureStreaks, long auditEvents) {

        public long total() {
            return challenges + outboxMessages + sendQuotas + failureStreaks + auditEvents;
        }
    }
}
