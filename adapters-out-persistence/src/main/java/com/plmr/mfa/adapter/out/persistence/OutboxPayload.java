package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.domain.challenge.Amount;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.Payee;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.NoticeMessage;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import com.plmr.mfa.domain.delivery.OtpCode;
import com.plmr.mfa.domain.notice.NoticeKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/**
 * The secret part of an outbox message (destination, code, wording inputs) as bytes to seal, in a
 * numbered layout stored beside it ({@code outbox_message.payload_format}), so that instances of
 * two releases share the outbox during a rolling deploy.
 *
 * <p>Layout 1: idempotency key, destination, language tag, code (modified UTF-8 each), valid
 * minutes (int), whether there is a summary (boolean), the summary ({@code ""} when there is none);
 * appended: whether there are transaction details (boolean) and, when there are, their type,
 * amount (decimal text), currency code and payee name (modified UTF-8 each), the payee's account
 * and the transaction's reference (each a boolean and the text, {@code ""} when absent). A payload
 * that ends after the summary has no transaction details.
 *
 * <p>Layout 2, a notice ({@link NoticeMessage}): idempotency key, destination, language tag and the
 * notice's kind (modified UTF-8 each), when it happened (epoch milliseconds, long). It carries no code.
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

    /** The layout of a code message. */
    static final int CODE = 1;
    /** The layout of a notice. */
    static final int NOTICE = 2;
    /** The newest layout this code reads. */
    static final int CURRENT = NOTICE;

    private OutboxPayload() {
    }

    /** The notice in layout {@link #NOTICE}. */
    static byte[] write(NoticeMessage notice) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(notice.idempotencyKey());
            out.writeUTF(notice.to().address());
            out.writeUTF(notice.locale().toLanguageTag());
            out.writeUTF(notice.kind().name());
            out.writeLong(notice.occurredAt().toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The message in layout {@link #CODE}. */
    static byte[] write(CodeMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(message.idempotencyKey());
            out.writeUTF(message.to().address());
            out.writeUTF(message.locale().toLanguageTag());
            out.writeUTF(message.code().digits());
            out.writeInt(message.validMinutes());
            writeOptional(out, message.summary());
            TransactionDetails transaction = message.transaction();
            out.writeBoolean(transaction != null);
            if (transaction != null) {
                out.writeUTF(transaction.type());
                out.writeUTF(transaction.amount().decimal());
                out.writeUTF(transaction.amount().currencyCode());
                out.writeUTF(transaction.payee().name());
                writeOptional(out, transaction.payee().account());
                writeOptional(out, transaction.reference());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The message of an outbox row: its id, its challenge (a code message's, from the row's own
     * column; {@code null} for a notice), its channel and its opened payload.
     *
     * @throws IllegalArgumentException for a layout newer than {@link #CURRENT} (never claimed, so never read)
     */
    static OutboundMessage read(int format, String messageId, String challengeId, Channel channel, byte[] payload) {
        if (format < 1 || format > CURRENT) {
            throw new IllegalArgumentException("outbox payload format " + format + " is not read by this release");
        }
        return format == NOTICE ? notice(messageId, channel, payload)
                : code(messageId, new ChallengeId(challengeId), channel, payload);
    }

    private static NoticeMessage notice(String messageId, Channel channel, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            String idempotencyKey = in.readUTF();
            String destination = in.readUTF();
            Locale locale = Locale.forLanguageTag(in.readUTF());
            NoticeKind kind = NoticeKind.valueOf(in.readUTF());
            Instant occurredAt = Instant.ofEpochMilli(in.readLong());
            return new NoticeMessage(messageId, idempotencyKey, new Destination(channel, destination), locale, kind,
                    occurredAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CodeMessage code(String messageId, ChallengeId challenge, Channel channel, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            String idempotencyKey = in.readUTF();
            String destination = in.readUTF();
            Locale locale = Locale.forLanguageTag(in.readUTF());
            String code = in.readUTF();
            int minutes = in.readInt();
            String summary = readOptional(in);
            TransactionDetails transaction = in.available() > 0 && in.readBoolean() ? transaction(in) : null;
            return new CodeMessage(messageId, idempotencyKey, challenge, new Destination(channel, destination), locale,
                    new OtpCode(code), minutes, summary, transaction);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TransactionDetails transaction(DataInputStream in) throws IOException {
        String type = in.readUTF();
        Amount amount = Amount.of(in.readUTF(), in.readUTF());
        String payee = in.readUTF();
        String account = readOptional(in);
        String reference = readOptional(in);
        return new TransactionDetails(type, amount, new Payee(payee, account), reference);
    }

    private static void writeOptional(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        out.writeUTF(text == null ? "" : text);
    }

    private static String readOptional(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        String text = in.readUTF();
        return present ? text : null;
    }
}
