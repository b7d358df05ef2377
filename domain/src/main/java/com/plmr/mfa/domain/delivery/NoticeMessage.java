package com.plmr.mfa.domain.delivery;

import com.plmr.mfa.domain.notice.NoticeKind;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A notice to a user that something happened to its factors or sign-in attempts: what and when.
 * It carries no code and no secret by construction, so a notice can be read by whoever sees the
 * user's mailbox or phone without giving anything away. {@link #toString()} shows neither the
 * destination nor the time.
 *
 * @param messageId      unique id of the message, stable across delivery attempts
 * @param idempotencyKey key passed to providers that support one
 * @param to             the channel and the address
 * @param locale         language of the message
 * @param kind           what happened
 * @param occurredAt     when it happened, by the service's clock
 */
public record NoticeMessage(String messageId, String idempotencyKey, Destination to, Locale locale, NoticeKind kind,
                            Instant occurredAt) implements OutboundMessage {

    public NoticeMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return "NoticeMessage[" + messageId + ", " + channel() + ", " + kind.code() + ", " + locale.toLanguageTag()
                + "]";
    }
}
