package com.plmr.mfa.domain.delivery;

import java.util.Locale;

/**
 * A message on its way to a user through the outbox: a one-time code ({@link CodeMessage}) or a
 * notice about the user's factors ({@link NoticeMessage}). The outbox, the dispatcher and the
 * senders handle both alike; only the wording differs, and only a code message carries a code.
 */
public sealed interface OutboundMessage permits CodeMessage, NoticeMessage {

    /** Unique id of the message, stable across delivery attempts. */
    String messageId();

    /** Passed to providers that support one, so a retried send after a crash is recognised. */
    String idempotencyKey();

    Destination to();

    /** Language of the wording. */
    Locale locale();

    default Channel channel() {
        return to().channel();
    }
}
