package com.plmr.mfa.adapter.out.notify.sms;

import com.plmr.mfa.application.port.out.ReadReceiptPort;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.ProviderCallback;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Twilio's status callbacks, signed as Twilio's webhook security documentation says. */
class TwilioReceiptsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final String URL = "https://mfa.example.com/callbacks/v1/sms/twilio";
    private static final String TOKEN = "test-auth-token";

    private final TwilioReceipts receipts = receipts(URL, TOKEN);

    private static TwilioReceipts receipts(String url, String token) {
        return new TwilioReceipts(new TwilioProperties("https://api.twilio.com", "AC0123456789", token, "+15005550006",
                null, Duration.ofSeconds(1), Duration.ofSeconds(1), url));
    }

    @Test
    void the_signature_is_twilios_documented_one() {
        TwilioReceipts documented = receipts("https://mycompany.com/myapp.php?foo=1&bar=2", "12345");
        String body = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309"
                + "&To=%2B18005551212";

        assertThat(documented.signatureOf(TwilioReceipts.form(body).orElseThrow()))
                .as("twilio-node's fixture, recomputed with Python's hmac").isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void a_signed_delivered_status_is_a_delivered_receipt() {
        String body = "MessageSid=SM0123&MessageStatus=delivered&AccountSid=AC0123456789&To=%2B4915112345612";

        assertThat(receipts.read(signed(body), NOW))
                .isEqualTo(new ReadReceiptPort.Final("SM0123", DeliveryReceipt.Outcome.DELIVERED, null));
    }

    @Test
    void undelivered_and_failed_are_undelivered_with_twilios_error_code_and_other_statuses_are_not_final() {
        assertThat(receipts.read(signed("MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30003"), NOW))
                .isEqualTo(new ReadReceiptPort.Final("SM1", DeliveryReceipt.Outcome.UNDELIVERED, "30003"));
        assertThat(receipts.read(signed("MessageSid=SM1&MessageStatus=failed&ErrorCode=%3Cscript%3E"), NOW))
                .as("a malformed error code is dropped")
                .isEqualTo(new ReadReceiptPort.Final("SM1", DeliveryReceipt.Outcome.UNDELIVERED, null));
        assertThat(receipts.read(signed("MessageSid=SM1&MessageStatus=sent"), NOW)).isInstanceOf(ReadReceiptPort.NotFinal.class);
        assertThat(receipts.read(signed("MessageStatus=delivered"), NOW)).isInstanceOf(ReadReceiptPort.Malformed.class);
    }

    @Test
    void an_unsigned_a_wrongly_signed_and_an_altered_callback_are_not_believed() {
        String body = "MessageSid=SM1&MessageStatus=delivered";
        String signature = receipts.signatureOf(TwilioReceipts.form(body).orElseThrow());

        assertThat(receipts.read(new ProviderCallback("twilio", null, bytes(body)), NOW))
                .isInstanceOf(ReadReceiptPort.Unsigned.class);
        assertThat(receipts.read(new ProviderCallback("twilio", signature,
                bytes(body.replace("delivered", "undelivered"))), NOW)).isInstanceOf(ReadReceiptPort.WronglySigned.class);
        assertThat(receipts.read(new ProviderCallback("twilio",
                receipts("https://elsewhere.example.com/callbacks/v1/sms/twilio", TOKEN)
                        .signatureOf(TwilioReceipts.form(body).orElseThrow()), bytes(body)), NOW))
                .as("signed for another URL").isInstanceOf(ReadReceiptPort.WronglySigned.class);
        assertThat(receipts.read(new ProviderCallback("twilio", receipts(URL, "another-token")
                .signatureOf(TwilioReceipts.form(body).orElseThrow()), bytes(body)), NOW))
                .as("signed with another token").isInstanceOf(ReadReceiptPort.WronglySigned.class);
        assertThat(receipts.read(new ProviderCallback("twilio", signature, bytes("%zz")), NOW))
                .isInstanceOf(ReadReceiptPort.WronglySigned.class);
    }

    @Test
    void receipts_need_the_callback_url_and_the_auth_token() {
        assertThatThrownBy(() -> receipts(null, TOKEN)).hasMessageContaining("mfa.notify.sms.twilio.status-callback-url");
        assertThatThrownBy(() -> receipts("mfa.example.com/cb", TOKEN))
                .hasMessageContaining("mfa.notify.sms.twilio.status-callback-url");
        assertThat(Map.of("provider", receipts.provider())).containsEntry("provider", "twilio");
    }

    private ProviderCallback signed(String body) {
        return new ProviderCallback("twilio", receipts.signatureOf(TwilioReceipts.form(body).orElseThrow()), bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
