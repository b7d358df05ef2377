package com.plmr.mfa.adapter.out.notify.sms;

import com.plmr.mfa.adapter.out.notify.SenderSettings;
import com.plmr.mfa.application.port.out.ReadReceiptPort;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.ProviderCallback;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's {@code StatusCallback} form posts, verified as Twilio documents ("Webhooks security"):
 * {@code X-Twilio-Signature} is the Base64 of HMAC-SHA1, keyed with the account's auth token, over
 * the full URL Twilio called (the configured {@code status-callback-url}, which the sender passes as
 * {@code StatusCallback}) followed by every POST parameter's name and value, sorted by name, with no
 * delimiters. Compared in constant time. {@code delivered} and {@code read} are delivered,
 * {@code undelivered} and {@code failed} undelivered with Twilio's {@code ErrorCode}; every other
 * status (queued, sending, sent...) is not final.
 */
public final class TwilioReceipts implements ReadReceiptPort {

    private static final Set<String> DELIVERED = Set.of("delivered", "read");
    private static final Set<String> UNDELIVERED = Set.of("undelivered", "failed");

    private final String callbackUrl;
    private final byte[] authToken;

    public TwilioReceipts(TwilioProperties properties) {
        Objects.requireNonNull(properties, "properties");
        String prefix = TwilioProperties.PREFIX + ".";
        this.callbackUrl = HttpGateway.httpUri(properties.statusCallbackUrl(), prefix + "status-callback-url").toString();
        this.authToken = SenderSettings.required(properties.authToken(), prefix + "auth-token")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String provider() {
        return TwilioSmsSender.PROVIDER;
    }

    @Override
    public Reading read(ProviderCallback callback, Instant now) {
        if (callback.signature() == null || callback.signature().isBlank()) {
            return new Unsigned();
        }
        Optional<List<Map.Entry<String, String>>> form = form(new String(callback.body(), StandardCharsets.UTF_8));
        if (form.isEmpty() || !signatureMatches(callback.signature().strip(), form.get())) {
            return new WronglySigned();
        }
        String sid = value(form.get(), "MessageSid");
        String status = value(form.get(), "MessageStatus");
        if (sid == null || status == null) {
            return new Malformed();
        }
        if (DELIVERED.contains(status)) {
            return new Final(sid, DeliveryReceipt.Outcome.DELIVERED, null);
        }
        if (UNDELIVERED.contains(status)) {
            String code = value(form.get(), "ErrorCode");
            return new Final(sid, DeliveryReceipt.Outcome.UNDELIVERED, DeliveryReceipt.isErrorCode(code) ? code : null);
        }
        return new NotFinal();
    }

    /** The signature Twilio sends for these parameters posted to the configured URL. */
    String signatureOf(List<Map.Entry<String, String>> parameters) {
        StringBuilder signed = new StringBuilder(callbackUrl);
        parameters.stream().sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .forEach(parameter -> signed.append(parameter.getKey()).append(parameter.getValue()));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private boolean signatureMatches(String signature, List<Map.Entry<String, String>> parameters) {
        return MessageDigest.isEqual(signatureOf(parameters).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The form's parameters in order, decoded; empty when the body is no form. */
    static Optional<List<Map.Entry<String, String>>> form(String body) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.add(new SimpleEntry<>(name, value));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(parameters);
    }

    private static String value(List<Map.Entry<String, String>> form, String name) {
        return form.stream().filter(parameter -> parameter.getKey().equals(name)).map(Map.Entry::getValue)
                .filter(value -> !value.isBlank()).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "TwilioReceipts[" + URI.create(callbackUrl).getHost() + "]";
    }
}
