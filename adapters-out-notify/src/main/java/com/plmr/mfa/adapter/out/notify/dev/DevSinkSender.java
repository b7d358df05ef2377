package com.plmr.mfa.adapter.out.notify.dev;

import com.plmr.mfa.adapter.out.notify.EmailContent;
import com.plmr.mfa.adapter.out.notify.MessageTemplates;
import com.plmr.mfa.adapter.out.notify.NotifyProviders;
import com.plmr.mfa.application.port.out.OutboundMessage;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.user.ContactKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Development stand-in for the real providers: delivers nothing, appends each message as one
 * line marked {@code DEV-SINK NOT DELIVERED} (with destination, code and text, so a developer can
 * use the code) to a local file, puts it into the development inbox when there is one (the
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

    private final Set<OutboundMessage.Channel> channels;
    private final DevSinkFile file;
    private final MessageTemplates templates;
    private final Clock clock;
    private final DevInbox inbox;

    public DevSinkSender(Set<OutboundMessage.Channel> channels, DevSinkFile file, MessageTemplates templates,
                         Clock clock) {
        this(channels, file, templates, clock, null);
    }

    /** @param inbox the development inbox that also receives the messages, or {@code null} */
    public DevSinkSender(Set<OutboundMessage.Channel> channels, DevSinkFile file, MessageTemplates templates,
                         Clock clock, DevInbox inbox) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a dev sink handles at least one channel");
        }
        this.channels = Set.copyOf(EnumSet.copyOf(channels));
        this.file = Objects.requireNonNull(file, "file");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inbox = inbox;
        LOG.info("DEV-SINK active for {}: messages are NOT delivered, they are written to {}{}",
                EnumSet.copyOf(channels), file.path(), inbox == null ? "" : " and shown at /dev/inbox");
    }

    @Override
    public String provider() {
        return NotifyProviders.DEV;
    }

    @Override
    public boolean handles(OutboundMessage.Channel channel) {
        return channels.contains(channel);
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        if (!handles(message.channel())) {
            throw new IllegalArgumentException("this dev sink does not handle " + message);
        }
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
        if (message.channel() == OutboundMessage.Channel.SMS) {
            return new DevMessage(message.messageId(), now, message.channel(), masked(ContactKind.PHONE, message),
                    locale, message.code(), null, templates.smsText(message), null);
        }
        EmailContent email = templates.email(message);
        return new DevMessage(message.messageId(), now, message.channel(), masked(ContactKind.EMAIL, message),
                locale, message.code(), email.subject(), email.text(), email.html());
    }

    private static String masked(ContactKind kind, OutboundMessage message) {
        try {
            return kind.mask(message.destination());
        } catch (IllegalArgumentException notAValidDestination) {
            return "***";
        }
    }

    /** The file entry: one line, values escaped so a line break in a text cannot start a forged entry. */
    private static String line(OutboundMessage message, DevMessage received) {
        StringBuilder line = new StringBuilder(256)
                .append(received.receivedAt()).append(' ')
                .append(MARKER)
                .append(" channel=").append(message.channel())
                .append(" to=").append(escape(message.destination()))
                .append(" messageId=").append(escape(message.messageId()))
                .append(" locale=").append(received.locale())
                .append(" code=").append(escape(message.code()));
        if (received.subject() != null) {
            line.append(" subject=\"").append(escape(received.subject())).append('"');
        }
        return line.append(" text=\"").append(escape(received.text())).append('"').toString();
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
        return "DevSinkSender" + channels + "[" + file.path() + "]";
    }
}
