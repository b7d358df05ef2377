package com.plmr.mfa.adapter.out.notify.email;

import com.plmr.mfa.adapter.out.notify.EmailContent;
import com.plmr.mfa.adapter.out.notify.MessageTemplates;
import com.plmr.mfa.adapter.out.notify.OutcomeLog;
import com.plmr.mfa.adapter.out.notify.SenderSettings;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Sends e-mail over SMTP (jakarta mail, Eclipse Angus): one connection per message,
 * multipart/alternative with a plain-text and an HTML part, optional SMTP AUTH and STARTTLS.
 *
 * <p>The {@code Message-ID} is derived from the message's idempotency key
 * ({@code <key@domain>}, or a SHA-256 of the key when it is not a valid dot-atom), so a copy sent
 * again after a crash carries the same id and can be recognised. It is also the provider message id.
 */
public final class SmtpEmailSender implements SendMessagePort {

    static final String PROVIDER = "smtp";

    private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailSender.class);
    private static final Pattern DOT_ATOM = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final MessageTemplates templates;
    private final Session session;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final Clock clock;

    /** @param clock the service's clock, which dates the messages */
    public SmtpEmailSender(SmtpProperties properties, MessageTemplates templates, Clock clock) {
        Objects.requireNonNull(properties, "properties");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
        String prefix = SmtpProperties.PREFIX + ".";
        this.host = SenderSettings.required(properties.host(), prefix + "host");
        this.port = properties.port();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(prefix + "port must be between 1 and 65535");
        }
        this.username = SenderSettings.optional(properties.username());
        this.password = properties.password();
        if (username != null && password == null) {
            throw new IllegalArgumentException(prefix + "password is required when " + prefix + "username is set");
        }
        try {
            this.from = new InternetAddress(SenderSettings.required(properties.from(), prefix + "from"), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(prefix + "from is not a valid address", e);
        }
        String domain = SenderSettings.optional(properties.messageIdDomain());
        if (domain == null) {
            String address = from.getAddress();
            domain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1) : "localhost";
        }
        this.messageIdDomain = domain.toLowerCase(Locale.ROOT);
        SmtpProperties.StartTls starttls = Objects.requireNonNull(properties.starttls(), prefix + "starttls");
        this.session = Session.getInstance(sessionProperties(properties, starttls));
    }

    private Properties sessionProperties(SmtpProperties properties, SmtpProperties.StartTls starttls) {
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", host);
        props.setProperty("mail.smtp.port", Integer.toString(port));
        props.setProperty("mail.smtp.from", from.getAddress());
        props.setProperty("mail.smtp.auth", Boolean.toString(username != null));
        props.setProperty("mail.smtp.connectiontimeout", millis(properties.connectTimeout(), "connect-timeout"));
        props.setProperty("mail.smtp.timeout", millis(properties.readTimeout(), "read-timeout"));
        props.setProperty("mail.smtp.writetimeout", millis(properties.readTimeout(), "read-timeout"));
        props.setProperty("mail.smtp.starttls.enable", Boolean.toString(starttls != SmtpProperties.StartTls.OFF));
        props.setProperty("mail.smtp.starttls.required", Boolean.toString(starttls == SmtpProperties.StartTls.REQUIRED));
        props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        return props;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel == Channel.EMAIL;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        InternetAddress to;
        try {
            to = recipient(message.to().address());
        } catch (AddressException e) {
            return OutcomeLog.log(LOG, PROVIDER, message, new SendOutcome.PermanentFailure("invalid recipient address"));
        }
        String messageIdHeader = messageIdHeader(message.idempotencyKey());
        MimeMessage mime = build(message, to, messageIdHeader);
        SendOutcome outcome;
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(host, port, username, password);
            transport.sendMessage(mime, new Address[] {to});
            outcome = new SendOutcome.Accepted(messageIdHeader);
        } catch (MessagingException e) {
            outcome = SmtpFailureClassifier.classify(e);
        } finally {
            closeQuietly(transport, message);
        }
        return OutcomeLog.log(LOG, PROVIDER, message, outcome);
    }

    /** The {@code Message-ID} header for the idempotency key: same key, same id. */
    String messageIdHeader(String idempotencyKey) {
        String local = idempotencyKey.length() <= 128 && DOT_ATOM.matcher(idempotencyKey).matches()
                ? idempotencyKey
                : "sha256-" + sha256Hex(idempotencyKey);
        return "<" + local + "@" + messageIdDomain + ">";
    }

    private MimeMessage build(OutboundMessage message, InternetAddress to, String messageIdHeader) {
        EmailContent content = templates.email(message);
        try {
            MimeMessage mime = new FixedIdMimeMessage(session, messageIdHeader);
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, to);
            mime.setSubject(content.subject(), UTF_8);
            mime.setSentDate(new Date(clock.millis()));
            mime.setHeader("Content-Language", content.language());
            mime.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(content.text(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(content.html(), UTF_8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the e-mail for " + message, e);
        }
    }

    private static InternetAddress recipient(String destination) throws AddressException {
        InternetAddress address = new InternetAddress(destination.strip(), true);
        String addr = address.getAddress();
        if (address.isGroup() || addr == null || addr.indexOf('@') < 1 || addr.endsWith("@")) {
            throw new AddressException("not a single mailbox address");
        }
        return address;
    }

    private static void closeQuietly(Transport transport, OutboundMessage message) {
        if (transport == null || !transport.isConnected()) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("EMAIL message {}: closing the SMTP connection failed ({})", message.messageId(),
                    e.getClass().getSimpleName());
        }
    }

    private static String millis(Duration duration, String key) {
        return Long.toString(SenderSettings.positive(duration, SmtpProperties.PREFIX + "." + key).toMillis());
    }

    private static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SmtpEmailSender[" + host + ":" + port + "]";
    }

    /** Keeps the given Message-ID instead of the random one jakarta mail generates on save. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
