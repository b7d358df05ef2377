package com.plmr.mfa.domain.delivery;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.TransactionDetails;

import java.util.Locale;
import java.util.Objects;

/**
 * A one-time code on its way to a user: built once when the code is issued, sealed in the
 * outbox, opened by the dispatcher and handed as it is to the sender of its channel.
 *
 * <p>The sender owns the wording (templates per channel and language); this record carries only
 * what the wording needs. {@link #toString()} never shows the code or the destination, so the
 * message can appear in logs and exceptions safely.
 *
 * @param messageId      unique id of the message, stable across delivery attempts
 * @param idempotencyKey key passed to providers that support one, so a retried send after a crash
 *                       is recognised as the same message
 * @param challenge      the challenge the code answers
 * @param to             the channel and the address
 * @param locale         language of the message
 * @param code           the one-time code
 * @param validMinutes   how long the code is valid, rounded up to whole minutes
 * @param summary        the step-up context's human summary, or {@code null}
 * @param transaction    the amount and payee the code approves, or {@code null}: every channel shows them
 */
public record CodeMessage(
        String messageId,
        String idempotencyKey,
        ChallengeId challenge,
        Destination to,
        Locale locale,
        OtpCode code,
        int validMinutes,
        String summary,
        TransactionDetails transaction) implements OutboundMessage {

    public CodeMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(code, "code");
        if (validMinutes < 1) {
            throw new IllegalArgumentException("validMinutes must be positive");
        }
    }

    /** A message for a challenge without transaction details. */
    public CodeMessage(String messageId, String idempotencyKey, ChallengeId challenge, Destination to, Locale locale,
                       OtpCode code, int validMinutes, String summary) {
        this(messageId, idempotencyKey, challenge, to, locale, code, validMinutes, summary, null);
    }

    @Override
    public String toString() {
        return "CodeMessage[" + messageId + ", " + channel() + ", " + locale.toLanguageTag() + "]";
    }
}
