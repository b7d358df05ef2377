package com.plmr.mfa.domain.delivery;

import java.time.Instant;

/**
 * Where the latest message of a challenge stands on its way to the user, as the challenge's
 * reader sees it, and the statuses the outbox records.
 *
 * @param channel   the channel the message is sent by
 * @param status    queued, retrying, sent, failed or expired
 * @param attempts  hand-overs to the provider so far
 * @param updatedAt when the status last changed
 * @param receipt   what the provider reported after a send, {@code null} until it does
 */
public record DeliveryState(Channel channel, Status status, int attempts, Instant updatedAt, DeliveryReceipt receipt) {

    public enum Status { QUEUED, RETRYING, SENT, FAILED, EXPIRED }

    /** Whether the provider reported that the message did not reach the phone. */
    public boolean undelivered() {
        return receipt != null && receipt.outcome() == DeliveryReceipt.Outcome.UNDELIVERED;
    }
}
