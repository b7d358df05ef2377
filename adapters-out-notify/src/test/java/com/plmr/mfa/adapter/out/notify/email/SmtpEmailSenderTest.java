package com.plmr.mfa.adapter.out.notify.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.plmr.mfa.adapter.out.notify.FreePort;
import com.plmr.mfa.adapter.out.notify.LogCapture;
import com.plmr.mfa.adapter.out.notify.MessageTemplates;
import com.plmr.mfa.adapter.out.notify.TestMessages;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static com.plmr.mfa.adapter.out.notify.TestMessages.CODE;
import static com.plmr.mfa.adapter.out.notify.TestMessages.EMAIL;
import static com.plmr.mfa.adapter.out.notify.TestMessages.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpEmailSenderTest {

    private static final String USER = "mfa-sender";
    private static final String PASSWORD = "s3cret";
    private static final String FROM = "MFA Service <no-reply@mfa.example.test>";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD))
            .withPerMethodLifecycle(true);

    /** The service's clock, which dates the mails. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    /** Far longer than any answer takes on a loaded machine: only the timeout tests use a short one. */
    private static final Duration PATIENT = Duration.ofSeconds(30);

    private static SmtpProperties settings(int port, String username, String password, SmtpProperties.StartTls starttls,
                                           Duration readTimeout) {
        return new SmtpProperties("127.0.0.1", port, username, password, starttls, FROM, null,
                PATIENT, readTimeout);
    }

    private SmtpEmailSender sender() {
        return new SmtpEmailSender(settings(GREEN_MAIL.getSmtp().getPort(), null, null, SmtpProperties.StartTls.OFF,
                PATIENT), templates, CLOCK);
    }

    private SmtpEmailSender senderTo(int port, Duration readTimeout) {
        return new SmtpEmailSender(settings(port, null, null, SmtpProperties.StartTls.OFF, readTimeout), templates,
                CLOCK);
    }

    private static MimeMessage onlyReceived() {
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String part(MimeMessage mail, int index, String mimeType) throws Exception {
        MimeMultipart multipart = (MimeMultipart) mail.getContent();
        BodyPart part = multipart.getBodyPart(index);
        assertThat(part.isMimeType(mimeType)).as(part.getContentType()).isTrue();
        return (String) part.getContent();
    }

    @Test
    void an_english_mail_arrives_with_the_code_in_the_text_and_the_html_part() throws Exception {
        SendOutcome outcome = sender().send(TestMessages.email(EMAIL, "en", SUMMARY));

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("<idem-mail-1@mfa.example.test>"));
        MimeMessage mail = onlyReceived();
        assertThat(mail.getSubject()).isEqualTo("Your security code");
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("en");
        assertThat(mail.getSentDate()).isEqualTo(Date.from(CLOCK.instant()));
        assertThat(mail.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(mail.getAllRecipients()).containsExactly(new InternetAddress(EMAIL));
        assertThat(mail.isMimeType("multipart/alternative")).as(mail.getContentType()).isTrue();
        assertThat(((MimeMultipart) mail.getContent()).getCount()).isEqualTo(2);
        assertThat(part(mail, 0, "text/plain")).contains(CODE, "You are about to approve: " + SUMMARY, "5 minutes");
        assertThat(part(mail, 1, "text/html")).contains(">" + CODE + "<", "<strong>" + SUMMARY + "</strong>");
    }

    @Test
    void a_german_mail_arrives_in_german() throws Exception {
        SendOutcome outcome = sender().send(TestMessages.email(EMAIL, "de-DE", "Zahlung von 40 € an Müller"));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        MimeMessage mail = onlyReceived();
        assertThat(mail.getSubject()).isEqualTo("Ihr Sicherheitscode");
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("de");
        assertThat(part(mail, 0, "text/plain")).contains(CODE, "Zahlung von 40 € an Müller", "5 Minuten gültig");
        assertThat(part(mail, 1, "text/html")).contains("<html lang=\"de\">", CODE, "Zahlung von 40 € an Müller");
    }

    @Test
    void a_payment_mail_shows_amount_and_payee_in_german_in_both_parts_escaped_in_html() throws Exception {
        sender().send(TestMessages.email(EMAIL, "de", null, TestMessages.payment("1234.50", "EUR", "Müller & Söhne <GmbH>")));

        MimeMessage mail = onlyReceived();
        assertThat(part(mail, 0, "text/plain")).contains("Betrag: 1.234,50\u00A0€", "Empfänger: Müller & Söhne <GmbH>",
                "Konto DE89 **** **** **** **** 00", CODE);
        assertThat(part(mail, 1, "text/html")).contains("<strong>1.234,50\u00A0€</strong>",
                "<strong>Müller &amp; Söhne &lt;GmbH&gt;</strong>").doesNotContain("<GmbH>");
    }

    @Test
    void the_message_id_is_derived_from_the_idempotency_key_so_a_resend_is_recognisable() throws Exception {
        CodeMessage first = TestMessages.withIds(TestMessages.email(EMAIL, "en", null), "m-1", "idem-42");
        CodeMessage resend = TestMessages.withIds(TestMessages.email(EMAIL, "en", null), "m-1", "idem-42");
        CodeMessage other = TestMessages.withIds(TestMessages.email(EMAIL, "en", null), "m-2", "idem-43");

        SmtpEmailSender sender = sender();
        sender.send(first);
        sender.send(resend);
        sender.send(other);

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID()).isEqualTo("<idem-42@mfa.example.test>");
        assertThat(received[1].getMessageID()).isEqualTo("<idem-42@mfa.example.test>");
        assertThat(received[2].getMessageID()).isEqualTo("<idem-43@mfa.example.test>");
    }

    @Test
    void an_idempotency_key_that_is_no_valid_message_id_part_is_hashed_stably() {
        SmtpEmailSender sender = sender();

        String id = sender.messageIdHeader("key with spaces <and> @ signs");

        assertThat(id).matches("<sha256-[0-9a-f]{64}@mfa\\.example\\.test>");
        assertThat(sender.messageIdHeader("key with spaces <and> @ signs")).isEqualTo(id);
        assertThat(sender.messageIdHeader("01J9Z3.key_1-a")).isEqualTo("<01J9Z3.key_1-a@mfa.example.test>");
    }

    @Test
    void smtp_auth_with_user_and_password_delivers_the_mail() {
        SmtpEmailSender sender = new SmtpEmailSender(settings(GREEN_MAIL.getSmtp().getPort(), USER, PASSWORD,
                SmtpProperties.StartTls.OFF, PATIENT), templates, CLOCK);

        SendOutcome outcome = sender.send(TestMessages.email(EMAIL, "en", SUMMARY));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_rejected_password_is_a_permanent_failure() {
        SmtpEmailSender sender = new SmtpEmailSender(settings(GREEN_MAIL.getSmtp().getPort(), USER, "wrong",
                SmtpProperties.StartTls.OFF, PATIENT), templates, CLOCK);

        SendOutcome outcome = sender.send(TestMessages.email(EMAIL, "en", SUMMARY));

        assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
        assertThat(((SendOutcome.PermanentFailure) outcome).reason()).contains("authentication");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void required_starttls_never_sends_the_code_in_clear_to_a_server_without_it() {
        SmtpEmailSender sender = new SmtpEmailSender(settings(GREEN_MAIL.getSmtp().getPort(), null, null,
                SmtpProperties.StartTls.REQUIRED, PATIENT), templates, CLOCK);

        SendOutcome outcome = sender.send(TestMessages.email(EMAIL, "en", SUMMARY));

        assertThat(outcome).isInstanceOf(SendOutcome.TransientFailure.class);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void optional_starttls_still_delivers_to_a_server_without_it() {
        SmtpEmailSender sender = new SmtpEmailSender(settings(GREEN_MAIL.getSmtp().getPort(), null, null,
                SmtpProperties.StartTls.OPTIONAL, PATIENT), templates, CLOCK);

        assertThat(sender.send(TestMessages.email(EMAIL, "en", SUMMARY))).isInstanceOf(SendOutcome.Accepted.class);
    }

    @Test
    void a_server_that_is_down_is_a_transient_failure() {
        SendOutcome outcome = senderTo(FreePort.closedLoopbackPort(), PATIENT)
                .send(TestMessages.email(EMAIL, "en", SUMMARY));

        assertThat(outcome).isEqualTo(new SendOutcome.TransientFailure("smtp connection failed"));
    }

    @Test
    void a_server_that_does_not_answer_within_the_read_timeout_is_a_transient_failure() throws Exception {
        try (ScriptedSmtpServer silent = ScriptedSmtpServer.silent()) {
            SendOutcome outcome = senderTo(silent.port(), Duration.ofMillis(300))
                    .send(TestMessages.email(EMAIL, "en", SUMMARY));

            assertThat(outcome).isInstanceOf(SendOutcome.TransientFailure.class);
        }
    }

    @Test
    void a_recipient_rejected_with_5xx_is_a_permanent_failure() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingRecipient("550 5.1.1 <alice@example.test>: no such user")) {
            SendOutcome outcome = senderTo(server.port(), PATIENT).send(TestMessages.email(EMAIL, "en", null));

            assertThat(outcome).isEqualTo(new SendOutcome.PermanentFailure("smtp 550 recipient rejected"));
        }
    }

    @Test
    void a_recipient_rejected_with_4xx_is_a_transient_failure() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingRecipient("450 4.2.0 greylisted, try again later")) {
            SendOutcome outcome = senderTo(server.port(), PATIENT).send(TestMessages.email(EMAIL, "en", null));

            assertThat(outcome).isEqualTo(new SendOutcome.TransientFailure("smtp 450 recipient rejected"));
        }
    }

    @Test
    void a_message_rejected_with_5xx_after_the_data_is_a_permanent_failure() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingMessage("554 5.7.1 message refused")) {
            SendOutcome outcome = senderTo(server.port(), PATIENT).send(TestMessages.email(EMAIL, "en", null));

            assertThat(outcome).isEqualTo(new SendOutcome.PermanentFailure("smtp 554 message rejected"));
        }
    }

    @Test
    void a_message_rejected_with_4xx_after_the_data_is_a_transient_failure() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.rejectingMessage("451 4.3.0 local error, try later")) {
            SendOutcome outcome = senderTo(server.port(), PATIENT).send(TestMessages.email(EMAIL, "en", null));

            assertThat(outcome).isEqualTo(new SendOutcome.TransientFailure("smtp 451 message rejected"));
        }
    }

    @Test
    void neither_the_code_nor_the_address_is_logged_whatever_the_outcome() throws Exception {
        try (LogCapture logs = new LogCapture();
             ScriptedSmtpServer rejecting = ScriptedSmtpServer.rejectingRecipient("550 5.1.1 <" + EMAIL + ">: unknown")) {
            sender().send(TestMessages.email(EMAIL, "en", SUMMARY));
            senderTo(rejecting.port(), PATIENT).send(TestMessages.email(EMAIL, "en", SUMMARY));
            senderTo(FreePort.closedLoopbackPort(), PATIENT).send(TestMessages.email(EMAIL, "en", SUMMARY));

            assertThat(logs.lines()).hasSize(3);
            assertThat(logs.all()).contains("msg-mail-1").doesNotContain(CODE, EMAIL, "alice");
        }
    }

    @Test
    void it_handles_email_only() {
        assertThat(sender().handles(Channel.EMAIL)).isTrue();
        assertThat(sender().handles(Channel.SMS)).isFalse();
    }

    @Test
    void missing_settings_are_named_by_their_key() {
        assertThatThrownBy(() -> new SmtpEmailSender(new SmtpProperties(null, 587, null, null,
                SmtpProperties.StartTls.REQUIRED, FROM, null, Duration.ofSeconds(1), Duration.ofSeconds(1)), templates, CLOCK))
                .hasMessage("mfa.notify.email.smtp.host is required");
        assertThatThrownBy(() -> new SmtpEmailSender(new SmtpProperties("h", 587, null, null,
                SmtpProperties.StartTls.REQUIRED, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1)), templates, CLOCK))
                .hasMessage("mfa.notify.email.smtp.from is required");
        assertThatThrownBy(() -> new SmtpEmailSender(new SmtpProperties("h", 587, "user", null,
                SmtpProperties.StartTls.REQUIRED, FROM, null, Duration.ofSeconds(1), Duration.ofSeconds(1)), templates, CLOCK))
                .hasMessageContaining("password is required");
    }
}
