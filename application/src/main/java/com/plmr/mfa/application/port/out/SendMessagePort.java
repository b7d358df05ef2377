package com.plmr.mfa.application.port.out;

/**
 * Hands one message to a delivery provider (SMTP server, SMS gateway, development sink).
 *
 * <p>Implementations never throw for provider failures: they classify them, so the outbox
 * dispatcher can decide between retrying and giving up. They never log the code or the
 * destination in clear.
 */
public interface SendMessagePort {

    /** Whether this sender handles the channel (one sender per channel is active). */
    boolean handles(OutboundMessage.Channel channel);

    SendOutcome send(OutboundMessage message);
}
