package com.plmr.mfa.application.port.out;

import java.time.Instant;

/**
 * Deletes rows past their retention, one bounded batch per call. Each call is a short transaction
 * of its own that takes only rows no other transaction holds (they wait for a later call), so calls
 * from several instances at the same time delete disjoint rows and never wait for each other or for
 * a request. A call that deletes fewer rows than {@code limit} found nothing more to delete, or
 * only rows held by others.
 */
public interface PurgeExpiredDataPort {

    /**
     * Challenges that ended (expired at the latest; consumed, cancelled or locked ones earlier) before
     * {@code cutoff}, with whatever outbox messages of theirs are still stored.
     *
     * @return the number of challenges deleted, at most {@code limit}
     */
    int purgeChallengesEndedBefore(Instant cutoff, int limit);

    /** Outbox messages that reached a final status (sent, failed, expired) before {@code cutoff}. */
    int purgeOutboxMessagesFinishedBefore(Instant cutoff, int limit);

    /** Send quotas of windows that ended before {@code cutoff}: they no longer limit any send. */
    int purgeSendQuotasEndedBefore(Instant cutoff, int limit);

    /**
     * Failure streaks that hold nothing back: reset ones (no failures, no lock) whatever their age, and
     * those whose lock ended before {@code cutoff} with no success since.
     */
    int purgeFailureStreaksIdleSince(Instant cutoff, int limit);

    /**
     * Authenticator-app registrations started at or before {@code cutoff} and never verified: their
     * enrolment ran out (a registration expires the moment its enrolment lifetime is over), and nobody
     * can finish them any more.
     */
    int purgeUnverifiedRegistrationsStartedBy(Instant cutoff, int limit);

    /** Audit events that occurred before {@code cutoff}, the only way an event leaves the trail but an erasure. */
    int purgeAuditEventsBefore(Instant cutoff, int limit);
}
