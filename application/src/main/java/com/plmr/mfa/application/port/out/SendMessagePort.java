package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.OutboundMessage;

/**
 * Hands one message, a code or a notice, to a delivery provider (SMTP server, SMS gateway, development sink).
 *
 * <p>The dispatcher asks each sender once, when it is built, which channels it serves, and then
 * hands it only messages of those channels: the sender does not check the channel again.
 *
 * <p>Implementations never throw for provider failures: they classify them, so the outbox
 * dispatcher can decide between retrying and giving up. They never log the code or the
 * destination in clear.
 */
public interface SendMessagePort {

    /** Whether this sender serves the channel (one sender per channel is active). */
    boolean handles(Channel channel);

    /**
     * The provider's name, a fixed word per implementation ({@code twilio}, {@code webhook},
     * {@code smtp}, {@code dev}) for logs and metrics: never taken from configuration or a message,
     * so it is a closed set.
     */
    String provider();

    /** Sends a message of a channel this sender {@linkplain #handles handles}. */
    SendOutcome send(OutboundMessage message);
}
