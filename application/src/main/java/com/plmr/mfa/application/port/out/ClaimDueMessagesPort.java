package com.plmr.mfa.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Claims outbox messages that are due for a delivery attempt. Several dispatchers (one per
 * service instance) may claim at once: a claimed message is leased to its claimer until
 * {@code now + lease} ({@code SELECT ... FOR UPDATE SKIP LOCKED}, then the lease is written), and
 * becomes due again when the lease runs out without a recorded result: a process that dies
 * between the provider's acceptance and {@link RecordDeliveryPort} causes a second delivery with
 * the same idempotency key, never a lost message.
 */
public interface ClaimDueMessagesPort {

    List<PendingMessage> claimDue(Instant now, int limit, Duration lease);

    /** A claimed message, its hand-overs so far (this one included) and when its code expires. */
    record PendingMessage(OutboundMessage message, int attempt, Instant expiresAt) {
    }
}
