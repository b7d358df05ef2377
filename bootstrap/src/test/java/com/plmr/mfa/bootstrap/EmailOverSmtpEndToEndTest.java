package com.plmr.mfa.bootstrap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.DeliveryStatus;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.StepUpMethod;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mail codes over real SMTP (GreenMail on a free port), read from the received mail's text part. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailOverSmtpEndToEndTest implements TestPropertyProvider {

    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\b(\\d{8})\\b");

    @Inject
    EmbeddedServer server;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    private final GreenMail mailServer = startMailServer();
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final OutboxRows rows = new OutboxRows(database);
    private ApiFixture api;

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.test.recording-sender", "false");
        properties.put("mfa.notify.email.provider", "smtp");
        properties.put("mfa.notify.email.smtp.host", "127.0.0.1");
        properties.put("mfa.notify.email.smtp.port", Integer.toString(mailServer.getSmtp().getPort()));
        properties.put("mfa.notify.email.smtp.starttls", "off");
        properties.put("mfa.notify.email.smtp.from", "Security <no-reply@mfa.example>");
        return properties;
    }

    @BeforeEach
    void setUp() {
        api = new ApiFixture(server);
    }

    @AfterAll
    void stopMailServer() {
        mailServer.stop();
    }

    @Test
    void an_email_code_arrives_over_smtp_and_verifies_the_challenge() throws Exception {
        String address = "smtp.reader." + System.nanoTime() + "@example.com";
        String user = api.newUser(null, address);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.EMAIL);
        api.email(user).initiateEmail(challenge.getChallengeId(), null);

        dispatcher.dispatchDue();

        MimeMessage mail = receivedBy(address);
        assertThat(mail.getSubject()).isEqualTo("Your security code");
        String text = textPart(mail);
        assertThat(text).contains("Your security code is:").contains("payment of EUR 40 to ACME");
        String outboxId = rows.single(challenge.getChallengeId()).id();
        assertThat(mail.getMessageID()).as("Message-ID derived from the idempotency key")
                .isEqualTo("<" + outboxId + "@mfa.example>");
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getDelivery().getStatus())
                .isEqualTo(DeliveryStatus.SENT);

        Challenge verified = api.email(user).verifyEmail(challenge.getChallengeId(),
                new VerifyOtpRequest().totp(code(text)));
        assertThat(verified.getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @Test
    void a_german_initiate_produces_a_german_mail() throws Exception {
        String address = "leserin." + System.nanoTime() + "@example.de";
        String user = api.newUser(null, address);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.EMAIL);
        api.email(user).initiateEmail(challenge.getChallengeId(), "de-DE,de;q=0.9,en;q=0.5");

        dispatcher.dispatchDue();

        MimeMessage mail = receivedBy(address);
        assertThat(mail.getSubject()).isEqualTo("Ihr Sicherheitscode");
        assertThat(mail.getHeader("Content-Language")).containsExactly("de");
        String text = textPart(mail);
        assertThat(text).contains("Ihr Sicherheitscode lautet:").contains("Minuten gültig");
        assertThat(api.email(user).verifyEmail(challenge.getChallengeId(), new VerifyOtpRequest().totp(code(text)))
                .getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @Test
    void a_payment_mail_shows_the_amount_and_the_payee_in_german_and_its_code_verifies_that_payment() throws Exception {
        String address = "zahlerin." + System.nanoTime() + "@example.de";
        String user = api.newUser(null, address);
        Challenge challenge = api.challenges().createChallenge(new CreateChallengeRequest().userId(user).locale("de")
                .context(new StepUpContext().operation("payment").reference("pay-mail")
                        .transaction(TransactionDetailsEndToEndTest.payment("1234.5", "EUR")))
                .allowedMethods(Set.of(StepUpMethod.EMAIL)));
        api.email(user).initiateEmail(challenge.getChallengeId(), null);

        dispatcher.dispatchDue();

        MimeMessage mail = receivedBy(address);
        String text = textPart(mail);
        assertThat(text).contains("Betrag: 1.234,50\u00A0€", "Empfänger: Müller & Söhne GmbH, Konto DE89 ****",
                "Referenz: INV-2026-0042");
        assertThat(part(mail, "text/html")).contains("<strong>1.234,50\u00A0€</strong>",
                "<strong>Müller &amp; Söhne GmbH</strong>");
        assertThat(api.email(user).verifyEmail(challenge.getChallengeId(), new VerifyOtpRequest().totp(code(text)))
                .getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    private MimeMessage receivedBy(String address) throws MessagingException {
        MimeMessage[] received = Arrays.stream(mailServer.getReceivedMessages())
                .filter(mail -> recipientIs(mail, address)).toArray(MimeMessage[]::new);
        assertThat(received).as("mails to " + address).hasSize(1);
        return received[0];
    }

    private static boolean recipientIs(MimeMessage mail, String address) {
        try {
            return mail.getAllRecipients()[0].toString().equals(address);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textPart(MimeMessage mail) throws IOException, MessagingException {
        return part(mail, "text/plain");
    }

    private static String part(MimeMessage mail, String mimeType) throws IOException, MessagingException {
        Multipart alternative = (Multipart) mail.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + mimeType + " part");
    }

    private static String code(String text) {
        Matcher matcher = EIGHT_DIGITS.matcher(text);
        assertThat(matcher.find()).as("an eight-digit code in the text").isTrue();
        return matcher.group(1);
    }
}
