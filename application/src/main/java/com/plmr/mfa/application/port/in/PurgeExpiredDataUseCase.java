package com.plmr.mfa.application.port.in;

/**
 * Deletes what the service no longer needs once its retention period is over: finished challenges,
 * finished outbox messages, send quotas of ended windows, failure streaks that no longer hold
 * anything back, audit events past their retention and authenticator-app registrations whose
 * enrolment ran out unverified. Run periodically by every instance; runs at the same time share the work.
 */
public interface PurgeExpiredDataUseCase {

    /** @return how many rows of each kind this run deleted */
    Purged purgeExpired();

    /** Rows deleted by one run, by kind. */
    record Purged(long challenges, long outboxMessages, long sendQuotas, long failureStreaks, long auditEvents,
                  long unverifiedRegistrations) {

        public long total() {
            return challenges + outboxMessages + sendQuotas + failureStreaks + auditEvents + unverifiedRegistrations;
        }
    }
}
