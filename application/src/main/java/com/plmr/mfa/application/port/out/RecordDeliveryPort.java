package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.delivery.DeliveryState;

import java.time.Instant;

/**
 * Records what became of a delivery attempt. A final status (sent, failed, expired) erases the
 * message content, code and destination, from the outbox.
 */
public interface RecordDeliveryPort {

    /**
     * Records the result of the claimed attempt, unless the claim is no longer the message's latest
     * (its lease ran out and another dispatcher claimed the message, or the message is already
     * final): a late result never overwrites a newer one.
     *
     * @param nextAttemptAt when the next try is due, for {@link DeliveryState.Status#RETRYING} only
     * @return whether the result was recorded
     */
    boolean record(ClaimDueMessagesPort.Claim claim, DeliveryState.Status status, String detail,
                   Instant nextAttemptAt, Instant now);
}
