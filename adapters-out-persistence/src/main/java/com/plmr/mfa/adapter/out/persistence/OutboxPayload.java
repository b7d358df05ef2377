package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.OutboundMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The secret part of an outbox message (destination, code, wording inputs) as bytes to seal, in a
 * numbered layout stored beside it ({@code outbox_message.payload_format}), so that instances of
 * two releases share the outbox during a rolling deploy.
 *
 * <p>Layout 1: idempotency key, destination, language tag, code (modified UTF-8 each), valid
 * minutes (int), whether there is a summary (boolean), the summary ({@code ""} when there is none).
 *
 * <p>How the layout may change: a field appended to the current layout keeps its number (readers
 * stop after the fields they know, and a reader of the appended field treats its absence as
 * "not set"); every other change (a field removed, reordered or read differently, a new channel)
 * takes the next number. A release may write a new number only after a release that reads it has
 * replaced every older instance. A dispatcher never claims a row whose number it does not read
 * (see {@link OutboxRepository#findNextDueForUpdate}): the row waits for an instance that reads it,
 * and is neither misread nor failed.
 */
final class OutboxPayload {

    /** The newest layout this code reads, and the one it writes. */
    static final int CURRENT = 1;

    private OutboxPayload() {
    }

    /** The message in layout {@link #CURRENT}. */
    static byte[] write(OutboundMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(message.idempotencyKey());
            out.writeUTF(message.destination());
            out.writeUTF(message.locale().toLanguageTag());
            out.writeUTF(message.code());
            out.writeInt(message.validMinutes());
            out.writeBoolean(message.summary() != null);
            out.writeUTF(message.summary() == null ? "" : message.summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for a layout newer than {@link #CURRENT} (never claimed, so never read) */
    static OutboundMessage read(int format, String messageId, OutboundMessage.Channel channel, byte[] payload) {
        if (format < 1 || format > CURRENT) {
            throw new IllegalArgumentException("outbox payload format " + format + " is not read by this release");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            String idempotencyKey = in.readUTF();
            String destination = in.readUTF();
            Locale locale = Locale.forLanguageTag(in.readUTF());
            String code = in.readUTF();
            int minutes = in.readInt();
            boolean hasSummary = in.readBoolean();
            String summary = in.readUTF();
            return new OutboundMessage(messageId, idempotencyKey, channel, destination, locale, code, minutes,
                    hasSummary ? summary : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
