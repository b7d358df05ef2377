package com.plmr.mfa.adapter.out.notify.dev;

import com.plmr.mfa.adapter.out.notify.EmailContent;
import com.plmr.mfa.adapter.out.notify.MessageTemplates;
import com.plmr.mfa.adapter.out.notify.NotifyProviders;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.NoticeMessage;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Development stand-in for the real providers: delivers nothing, appends each message as one
 * line marked {@code DEV-SINK NOT DELIVERED} (with destination, code or notice kind, and text, so a
 * developer can use the code) to a local file, puts it into the development inbox when there is one (the
 * {@code dev} environment), and logs only that the message was written there.
 *
 * <p>Active only in the {@code dev} and {@code test} environments: its beans require one of them
 * and {@link com.plmr.mfa.adapter.out.notify.NotifyProviderGuard} fails the start-up when it is
 * selected anywhere else. Being expected there, it announces itself at INFO.
 */
public final class DevSinkSender implements SendMessagePort {

    /** Marker at the start of every entry of the file. */
    public static final String MARKER = "DEV-SINK NOT DELIVERED";

    private static final Logger LOG = LoggerFactory.getLogger(DevSinkSender.class);

    private final Channel channel;
    private final DevSinkFile file;
    private final MessageTemplates templates;
    private final Clock clock;
    private final DevInbox inbox;

    public DevSinkSender(Channel channel, DevSinkFile file, MessageTemplates templates, Clock clock) {
        this(channel, file, templates, clock, null);
    }

    /** @param inbox the development inbox that also receives the messages, or {@code null} */
    public DevSinkSender(Channel channel, DevSinkFile file, MessageTemplates templates, Clock clock,
                         DevInbox inbox) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.file = Objects.requireNonNull(file, "file");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inbox = inbox;
        LOG.info("DEV-SINK active for [{}]: messages are NOT delivered, they are written to {}{}",
                channel, file.path(), inbox == null ? "" : " and shown at /dev/inbox");
    }

    @Override
    public String provider() {
        return NotifyProviders.DEV;
    }

    @Override
    public boolean handles(Channel candidate) {
        return candidate == channel;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        DevMessage received = received(message);
        try {
            file.append(line(message, received));
        } catch (IOException e) {
            LOG.warn("DEV-SINK: message {} could not be written to {} ({})", message.messageId(), file.path(),
                    e.getClass().getSimpleName());
            return new SendOutcome.TransientFailure("dev sink write failed");
        }
        if (inbox != null) {
            inbox.receive(received);
        }
        LOG.info("DEV-SINK: message {} ({}) written to {}, NOT delivered", message.messageId(), message.channel(),
                file.path());
        return new SendOutcome.Accepted("dev-sink:" + message.messageId());
    }

    /** The message as delivered: its wording rendered, its destination masked. */
    private DevMessage received(OutboundMessage message) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String locale = message.locale().toLanguageTag();
        String masked = message.to().masked();
        String code = codeOf(message);
        String challenge = message instanceof CodeMessage codeMessage ? codeMessage.challenge().value() : null;
        return switch (message.channel()) {
            case SMS -> new DevMessage(message.messageId(), challenge, now, message.channel(), masked, locale, code, null,
                    templates.smsText(message), null);
            case EMAIL -> {
                EmailContent email = templates.email(message);
                yield new DevMessage(message.messageId(), challenge, now, message.channel(), masked, locale, code,
                        email.subject(), email.text(), email.html());
            }
        };
    }

    /** The file entry: one line, values escaped so a line break in a text cannot start a forged entry. */
    private static String line(OutboundMessage message, DevMessage received) {
        StringBuilder line = new StringBuilder(256)
                .append(received.receivedAt()).append(' ')
                .append(MARKER)
                .append(" channel=").append(message.channel())
                .append(" to=").append(escape(message.to().address()))
                .append(" messageId=").append(escape(message.messageId()))
                .append(received.challengeId() == null ? "" : " challengeId=" + received.challengeId())
                .append(" locale=").append(received.locale())
                .append(message instanceof NoticeMessage notice ? " notice=" + notice.kind().code()
                        : " code=" + escape(codeOf(message)));
        if (received.subject() != null) {
            line.append(" subject=\"").append(escape(received.subject())).append('"');
        }
        return line.append(" text=\"").append(escape(received.text())).append('"').toString();
    }

    /** The code a code message carries; {@code null} for a notice, which carries none. */
    private static String codeOf(OutboundMessage message) {
        return message instanceof CodeMessage codeMessage ? codeMessage.code().digits() : null;
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "DevSinkSender[" + channel + ", " + file.path() + "]";
    }
}
