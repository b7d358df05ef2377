package com.plmr.mfa.application.port.out;

/**
 * What a delivery provider made of a message.
 *
 * <ul>
 *   <li>{@link Accepted}: the provider took the message (SMTP 250, gateway 2xx).</li>
 *   <li>{@link TransientFailure}: worth another try later (timeouts, connection failures,
 *       gateway 5xx or 429, SMTP 4xx).</li>
 *   <li>{@link PermanentFailure}: another try cannot succeed (gateway 4xx, SMTP 5xx, an address
 *       the provider rejects).</li>
 * </ul>
 * Reasons are short, safe for logs and never contain the code or the destination.
 */
public sealed interface SendOutcome {

    record Accepted(String providerMessageId) implements SendOutcome {
    }

    record TransientFailure(String reason) implements SendOutcome {
    }

    record PermanentFailure(String reason) implements SendOutcome {
    }
}
