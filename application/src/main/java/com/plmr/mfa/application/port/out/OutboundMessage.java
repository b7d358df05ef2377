package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.TransactionDetails;

import java.util.Locale;
import java.util.Objects;

/**
 * A one-time code on its way to a user, as handed to a delivery provider.
 *
 * <p>The adapter that delivers it owns the wording (templates per channel and language); this
 * record carries only what the wording needs. {@link #toString()} never shows the code or the
 * destination, so the message can appear in logs and exceptions safely.
 *
 * @param messageId      unique id of the message, stable across delivery attempts
 * @param idempotencyKey key passed to providers that support one, so a retried send after a crash
 *                       is recognised as the same message
 * @param channel        SMS or e-mail
 * @param destination    E.164 phone number or e-mail address, in clear
 * @param locale         language of the message
 * @param code           the one-time code, in clear (only ever in memory)
 * @param validMinutes   how long the code is valid, rounded up to whole minutes
 * @param summary        the step-up context's human summary, or {@code null}
 * @param transaction    the amount and payee the code approves, or {@code null}: every channel shows them
 */
public record OutboundMessage(
        String messageId,
        String idempotencyKey,
        Channel channel,
        String destination,
        Locale locale,
        String code,
        int validMinutes,
        String summary,
        TransactionDetails transaction) {

    public enum Channel { SMS, EMAIL }

    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(code, "code");
        if (validMinutes < 1) {
            throw new IllegalArgumentException("validMinutes must be positive");
        }
    }

    /** A message for a challenge without transaction details. */
    public OutboundMessage(String messageId, String idempotencyKey, Channel channel, String destination, Locale locale,
                           String code, int validMinutes, String summary) {
        this(messageId, idempotencyKey, channel, destination, locale, code, validMinutes, summary, null);
    }

    @Override
    public String toString() {
        return "OutboundMessage[" + messageId + ", " + channel + ", " + locale.toLanguageTag() + "]";
    }
}
