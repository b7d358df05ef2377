package com.plmr.mfa.adapter.out.notify.email;

import com.plmr.mfa.application.port.out.SendOutcome;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpFailureClassifierTest {

    private static final InternetAddress ALICE = address("alice@example.test");

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SendFailedException invalidAddresses(int code) {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(ALICE, "RCPT TO:<alice@example.test>", code,
                code + " <alice@example.test> refused");
        return new SendFailedException("Invalid Addresses", rcpt, new Address[0], new Address[0], new Address[] {ALICE});
    }

    @Test
    void a_recipient_refused_with_5xx_is_permanent_and_the_reason_does_not_quote_the_address() {
        SendOutcome outcome = SmtpFailureClassifier.classify(invalidAddresses(550));

        assertThat(outcome).isEqualTo(new SendOutcome.PermanentFailure("smtp 550 recipient rejected"));
    }

    @Test
    void a_recipient_refused_with_4xx_is_transient() {
        assertThat(SmtpFailureClassifier.classify(invalidAddresses(452)))
                .isEqualTo(new SendOutcome.TransientFailure("smtp 452 recipient rejected"));
    }

    @Test
    void a_message_refused_after_data_is_classified_by_its_reply_code() {
        assertThat(SmtpFailureClassifier.classify(new SMTPSendFailedException("DATA", 554, "554 spam", null,
                null, null, null))).isEqualTo(new SendOutcome.PermanentFailure("smtp 554 message rejected"));
        assertThat(SmtpFailureClassifier.classify(new SMTPSendFailedException("DATA", 421, "421 shutting down", null,
                null, null, null))).isEqualTo(new SendOutcome.TransientFailure("smtp 421 message rejected"));
    }

    @Test
    void a_refused_sender_is_classified_by_its_reply_code() {
        assertThat(SmtpFailureClassifier.classify(new SMTPSenderFailedException(address("no-reply@x.test"),
                "MAIL FROM", 530, "530 authentication required")))
                .isEqualTo(new SendOutcome.PermanentFailure("smtp 530 sender rejected"));
    }

    @Test
    void an_unparsable_address_is_permanent() {
        assertThat(SmtpFailureClassifier.classify(new AddressException("Illegal address", "x@@y")))
                .isEqualTo(new SendOutcome.PermanentFailure("smtp invalid address"));
    }

    @Test
    void rejected_credentials_are_permanent_and_a_temporary_authentication_failure_is_transient() {
        assertThat(SmtpFailureClassifier.classify(new AuthenticationFailedException("535 5.7.8 credentials invalid\n")))
                .isEqualTo(new SendOutcome.PermanentFailure("smtp 535 authentication rejected"));
        assertThat(SmtpFailureClassifier.classify(new AuthenticationFailedException("454 4.7.0 try again later")))
                .isEqualTo(new SendOutcome.TransientFailure("smtp 454 authentication failed temporarily"));
        assertThat(SmtpFailureClassifier.classify(new AuthenticationFailedException("No authentication mechanisms")))
                .isEqualTo(new SendOutcome.PermanentFailure("smtp authentication rejected"));
    }

    @Test
    void connection_failures_timeouts_and_io_errors_are_transient() {
        MailConnectException connect = new MailConnectException(
                new SocketConnectException("refused", new ConnectException("Connection refused"), "h", 25, 1000));

        assertThat(SmtpFailureClassifier.classify(connect))
                .isEqualTo(new SendOutcome.TransientFailure("smtp connection failed"));
        assertThat(SmtpFailureClassifier.classify(new MessagingException("read", new SocketTimeoutException("Read timed out"))))
                .isEqualTo(new SendOutcome.TransientFailure("smtp timeout"));
        assertThat(SmtpFailureClassifier.classify(new MessagingException("io", new SocketException("reset"))))
                .isEqualTo(new SendOutcome.TransientFailure("smtp i/o error (SocketException)"));
    }

    @Test
    void an_unrecognised_failure_is_transient() {
        assertThat(SmtpFailureClassifier.classify(new MessagingException("STARTTLS is required but host does not support STARTTLS")))
                .isEqualTo(new SendOutcome.TransientFailure("smtp error (MessagingException)"));
    }

    @Test
    void the_reply_code_is_read_from_the_start_of_a_server_response_only() {
        assertThat(SmtpFailureClassifier.leadingReplyCode("535 5.7.8 nope")).isEqualTo(535);
        assertThat(SmtpFailureClassifier.leadingReplyCode(" 454-4.7.0 later")).isEqualTo(454);
        assertThat(SmtpFailureClassifier.leadingReplyCode("535")).isEqualTo(535);
        assertThat(SmtpFailureClassifier.leadingReplyCode("5350 x")).isEqualTo(-1);
        assertThat(SmtpFailureClassifier.leadingReplyCode("failed 535")).isEqualTo(-1);
        assertThat(SmtpFailureClassifier.leadingReplyCode(null)).isEqualTo(-1);
    }
}
