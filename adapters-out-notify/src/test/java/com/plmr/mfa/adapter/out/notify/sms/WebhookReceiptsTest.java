package com.plmr.mfa.adapter.out.notify.sms;

import com.plmr.mfa.application.port.out.ReadReceiptPort;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.ProviderCallback;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook gateway's own signed callbacks: HMAC-SHA256 over time and body, within five minutes. */
class WebhookReceiptsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final String SECRET = "a-callback-secret-of-at-least-32-characters";

    private final WebhookReceipts receipts = receipts(SECRET);

    private static WebhookReceipts receipts(String secret) {
        return new WebhookReceipts(new WebhookProperties("https://sms.example.com/send", null, Duration.ofSeconds(1),
                Duration.ofSeconds(1), "https://mfa.example.com/callbacks/v1/sms/webhook", secret));
    }

    @Test
    void a_callback_signed_now_with_the_secret_is_read() throws Exception {
        String body = "{\"id\":\"gw-7\",\"status\":\"undelivered\",\"errorCode\":\"absent-subscriber\"}";

        assertThat(receipts.read(new ProviderCallback("webhook", header(NOW, body, SECRET), bytes(body)), NOW))
                .isEqualTo(new ReadReceiptPort.Final("gw-7", DeliveryReceipt.Outcome.UNDELIVERED, "absent-subscriber"));
        assertThat(receipts.read(signed("{\"id\":\"gw-7\",\"status\":\"delivered\"}"), NOW))
                .isEqualTo(new ReadReceiptPort.Final("gw-7", DeliveryReceipt.Outcome.DELIVERED, null));
        assertThat(receipts.read(signed("{\"id\":\"gw-7\",\"status\":\"accepted\"}"), NOW))
                .isInstanceOf(ReadReceiptPort.NotFinal.class);
        assertThat(receipts.read(signed("[1,2]"), NOW)).isInstanceOf(ReadReceiptPort.Malformed.class);
    }

    @Test
    void an_old_a_foreign_an_altered_and_a_missing_signature_are_not_believed() throws Exception {
        String body = "{\"id\":\"gw-7\",\"status\":\"delivered\"}";

        assertThat(receipts.read(new ProviderCallback("webhook", header(NOW.minus(Duration.ofMinutes(6)), body, SECRET),
                bytes(body)), NOW)).as("replayed later").isInstanceOf(ReadReceiptPort.WronglySigned.class);
        assertThat(receipts.read(new ProviderCallback("webhook", header(NOW, body, SECRET + "x"), bytes(body)), NOW))
                .isInstanceOf(ReadReceiptPort.WronglySigned.class);
        assertThat(receipts.read(new ProviderCallback("webhook", header(NOW, body, SECRET),
                bytes(body.replace("gw-7", "gw-8"))), NOW)).isInstanceOf(ReadReceiptPort.WronglySigned.class);
        assertThat(receipts.read(new ProviderCallback("webhook", "v1=abc", bytes(body)), NOW))
                .isInstanceOf(ReadReceiptPort.WronglySigned.class);
        assertThat(receipts.read(new ProviderCallback("webhook", " ", bytes(body)), NOW))
                .isInstanceOf(ReadReceiptPort.Unsigned.class);
        assertThat(receipts.read(new ProviderCallback("webhook", header(NOW.plus(Duration.ofMinutes(4)), body, SECRET),
                bytes(body)), NOW)).as("a clock a little ahead").isInstanceOf(ReadReceiptPort.Final.class);
    }

    @Test
    void the_secret_is_required_and_long() {
        assertThatThrownBy(() -> receipts(null)).hasMessage("mfa.notify.sms.webhook.callback-secret is required");
        assertThatThrownBy(() -> receipts("short")).hasMessage("mfa.notify.sms.webhook.callback-secret must be at"
                + " least 32 characters");
    }

    private ProviderCallback signed(String body) throws Exception {
        return new ProviderCallback("webhook", header(NOW, body, SECRET), bytes(body));
    }

    /** The header as a gateway computes it, independently of the reader's own code. */
    static String header(Instant at, String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signed = at.getEpochSecond() + "." + body;
        return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac.doFinal(bytes(signed)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
