package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.PublishAuditEventPort;
import com.plmr.mfa.domain.audit.AuditEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@code INFO} line per committed audit event on the logger {@value #LOGGER}: the type, then
 * {@code key=value} for every field the event has. In the JSON log every field
 * of the event is also a key-value pair of its own, so a log platform can filter on {@code type} or
 * {@code reason} without parsing the message; a field the event does not have is left out. The
 * values are the stored ones, which hold no code, secret, token or full destination.
 */
@Singleton
class AuditLogLine implements PublishAuditEventPort {

    static final String LOGGER = "mfa.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void published(AuditEvent event) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        AuditEvent.Subject subject = event.subject();
        StringBuilder message = new StringBuilder(event.type().code());
        LoggingEventBuilder line = LOG.atInfo().addKeyValue("eventId", event.id()).addKeyValue("type", event.type().code())
                .addKeyValue("actor", event.actor().kind().name().toLowerCase(Locale.ROOT) + ":"
                        + event.actor().name());
        line = field(line, message, "reason", event.reason().map(reason -> reason.code()));
        line = field(line, message, "userId", subject.userId());
        line = field(line, message, "challengeId", subject.challengeId());
        line = field(line, message, "factorId", subject.factorId());
        line = field(line, message, "method", subject.method().map(method -> method.name().toLowerCase(Locale.ROOT)));
        line = field(line, message, "destination", subject.destination());
        line = field(line, message, "stepsOff", event.stepsOff().map(String::valueOf));
        line = event.requestId().isEmpty() ? line : line.addKeyValue("requestId", event.requestId().get());
        message.append(" actor=").append(event.actor().kind().name().toLowerCase(Locale.ROOT)).append(':')
                .append(printable(event.actor().name())).append(" eventId=").append(event.id());
        line.log(message.toString());
    }

    private static LoggingEventBuilder field(LoggingEventBuilder line, StringBuilder message, String key,
                                             Optional<String> value) {
        if (value.isEmpty()) {
            return line;
        }
        message.append(' ').append(key).append('=').append(printable(value.get()));
        return line.addKeyValue(key, value.get());
    }

    /**
     * A value as it goes into the plain line: quoted when it holds a space (a masked phone number), with
     * any control character replaced, since a service's client id comes from a token and must not break
     * the line.
     */
    private static String printable(String text) {
        String safe = text.codePoints().map(c -> c < 0x20 || c == 0x7f || c == '"' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return safe.indexOf(' ') >= 0 ? '"' + safe + '"' : safe;
    }
}
