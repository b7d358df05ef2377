package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.OutboundMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The secret part of an outbox message (destination, code, wording inputs) as bytes to seal. */
final class OutboxPayload {

    private OutboxPayload() {
    }

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

    static OutboundMessage read(String messageId, OutboundMessage.Channel channel, byte[] payload) {
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
