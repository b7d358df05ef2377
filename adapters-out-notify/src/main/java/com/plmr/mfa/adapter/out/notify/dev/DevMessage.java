package com.plmr.mfa.adapter.out.notify.dev;

import com.plmr.mfa.domain.delivery.Channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A message as the development sink received it instead of delivering it: what a person looking
 * at the development inbox needs to use it. Holds the code in clear; {@link #toString()} does not
 * show it.
 *
 * @param id                the message id
 * @param challengeId       the challenge a code answers; {@code null} for a notice
 * @param receivedAt        when the sink received it
 * @param channel           SMS or e-mail
 * @param maskedDestination the destination as the API shows it ({@code +49 *** *** 12},
 *                          {@code j***@example.com})
 * @param locale            language tag of the wording
 * @param code              the one-time code; {@code null} for a notice, which carries none
 * @param subject           the e-mail's subject; {@code null} for an SMS
 * @param text              the SMS text, or the e-mail's plain-text body
 * @param html              the e-mail's HTML body (values escaped by its template); {@code null} for an SMS
 */
public record DevMessage(String id, String challengeId, Instant receivedAt, Channel channel, String maskedDestination,
                         String locale, String code, String subject, String text, String html) {

    public DevMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(maskedDestination, "maskedDestination");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(text, "text");
        if ((challengeId == null) != (code == null)) {
            throw new IllegalArgumentException("a code message names its challenge, a notice none");
        }
        boolean email = channel == Channel.EMAIL;
        if (email ? subject == null || html == null : subject != null || html != null) {
            throw new IllegalArgumentException("an e-mail has a subject and an HTML body, an SMS neither");
        }
    }

    /** Whether this is a notice (no code) rather than a code message. */
    public boolean isNotice() {
        return code == null;
    }

    @Override
    public String toString() {
        return "DevMessage[" + id + ", " + channel + ", " + maskedDestination + "]";
    }
}
