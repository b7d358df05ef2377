package com.plmr.mfa.domain.delivery;

import java.util.Objects;

/**
 * A provider's status callback as it arrived, before anything in it is believed: which provider's
 * endpoint it reached, the signature the caller sent with it, and the bytes the signature covers.
 * The callback endpoints carry no token; the signature is the only proof that the provider sent it.
 *
 * @param provider  the provider whose endpoint was called ({@code twilio}, {@code webhook})
 * @param signature the signature header as sent, {@code null} when absent
 * @param body      the request body as received
 */
public record ProviderCallback(String provider, String signature, byte[] body) {

    public ProviderCallback {
        Objects.requireNonNull(provider, "provider");
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "ProviderCallback[" + provider + ", " + body.length + " bytes]";
    }
}
