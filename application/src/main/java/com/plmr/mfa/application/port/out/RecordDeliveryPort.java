package com.plmr.mfa.application.port.out;

import java.time.Instant;

/**
 * Records what became of a delivery attempt. A final status (sent, failed, expired) erases the
 * message content, code and destination, from the outbox.
 */
public interface RecordDeliveryPort {

    /** @param nextAttemptAt when the next try is due, for {@link DeliveryState.Status#RETRYING} only */
    void record(String messageId, DeliveryState.Status status, String detail, Instant nextAttemptAt, Instant now);
}
