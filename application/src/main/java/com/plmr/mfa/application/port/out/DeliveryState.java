package com.plmr.mfa.application.port.out;

import java.time.Instant;

/**
 * Where the latest message of a challenge stands in the outbox.
 *
 * @param channel   SMS or e-mail
 * @param status    queued, retrying, sent, failed or expired
 * @param attempts  hand-overs to the provider so far
 * @param updatedAt when the status last changed
 */
public record DeliveryState(OutboundMessage.Channel channel, Status status, int attempts, Instant updatedAt) {

    public enum Status { QUEUED, RETRYING, SENT, FAILED, EXPIRED }
}
