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

    /**
     * The provider's name, a fixed word per implementation ({@code twilio}, {@code webhook},
     * {@code smtp}, {@code dev}) for logs and metrics: never taken from configuration or a message,
     * so it is a closed set.
     */
    String provider();

    SendOutcome send(OutboundMessage message);
}
