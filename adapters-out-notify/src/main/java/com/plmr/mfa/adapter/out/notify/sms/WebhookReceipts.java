package com.plmr.mfa.adapter.out.notify.sms;

import com.plmr.mfa.adapter.out.notify.SenderSettings;
import com.plmr.mfa.application.port.out.ReadReceiptPort;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.ProviderCallback;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generic webhook gateway's status callbacks: {@code POST} JSON {@code {"id": ..., "status":
 * "delivered"|"undelivered"|..., "errorCode": ...}} where {@code id} is the id the gateway answered
 * the send with (or the message id it was sent), signed in the header
 * {@value #SIGNATURE_HEADER}{@code : t=<unix seconds>,v1=<hex>}: the hex HMAC-SHA256, keyed with
 * {@code callback-secret}, of {@code <t>.<body>} (the body's bytes as sent). A signature older or
 * newer than {@link #TOLERANCE} is refused, so a recorded callback cannot be replayed later.
 */
public final class WebhookReceipts implements ReadReceiptPort {

    public static final String SIGNATURE_HEADER = "X-Mfa-Signature";
    /** How far the signature's time may be from the service's clock. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** A shorter secret could be guessed; 32 characters of a random token are enough. */
    static final int MIN_SECRET = 32;
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d{1,12}),v1=([0-9a-f]{64})");

    private final byte[] secret;

    public WebhookReceipts(WebhookProperties properties) {
        Objects.requireNonNull(properties, "properties");
        String key = WebhookProperties.PREFIX + ".callback-secret";
        String value = SenderSettings.required(properties.callbackSecret(), key);
        if (value.length() < MIN_SECRET) {
            throw new IllegalArgumentException(key + " must be at least " + MIN_SECRET + " characters");
        }
        this.secret = value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String provider() {
        return WebhookSmsSender.PROVIDER;
    }

    @Override
    public Reading read(ProviderCallback callback, Instant now) {
        if (callback.signature() == null || callback.signature().isBlank()) {
            return new Unsigned();
        }
        Matcher signature = SIGNATURE.matcher(callback.signature().strip());
        if (!signature.matches()) {
            return new WronglySigned();
        }
        long signedAt = Long.parseLong(signature.group(1));
        if (Duration.between(Instant.ofEpochSecond(signedAt), now).abs().compareTo(TOLERANCE) > 0
                || !MessageDigest.isEqual(signature(signedAt, callback.body()).getBytes(StandardCharsets.US_ASCII),
                signature.group(2).getBytes(StandardCharsets.US_ASCII))) {
            return new WronglySigned();
        }
        String body = new String(callback.body(), StandardCharsets.UTF_8);
        String id = Json.topLevelField(body, "id");
        String status = Json.topLevelField(body, "status");
        if (id == null || status == null) {
            return new Malformed();
        }
        return switch (status) {
            case "delivered" -> new Final(id, DeliveryReceipt.Outcome.DELIVERED, null);
            case "undelivered" -> {
                String code = Json.topLevelField(body, "errorCode");
                yield new Final(id, DeliveryReceipt.Outcome.UNDELIVERED, DeliveryReceipt.isErrorCode(code) ? code : null);
            }
            default -> new NotFinal();
        };
    }

    /** The {@code v1} value for a body signed at {@code signedAt} (unix seconds). */
    String signature(long signedAt, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((signedAt + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookReceipts";
    }
}
