package com.plmr.mfa.domain.challenge;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who asked for a step-up: the consumer service that created the challenge, by its client id (the
 * audience of the step-up assertion), and the nonce it asked the assertion to carry, so it can tell
 * its own assertion from one issued for another of its transactions.
 *
 * @param consumer the creating service's client id; {@code null} only for a challenge created before
 *                 the service recorded it
 * @param nonce    1 to 128 of {@code A-Z a-z 0-9 . _ ~ + / = -}, or {@code null}
 */
public record Requester(String consumer, String nonce) {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9._~+/=-]{1,128}");

    public Requester {
        if (consumer != null && consumer.isBlank()) {
            throw new IllegalArgumentException("a consumer is named by its client id");
        }
        if (nonce != null && !NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("a nonce is 1 to 128 of A-Z a-z 0-9 . _ ~ + / = -");
        }
    }

    public Optional<String> consumerId() {
        return Optional.ofNullable(consumer);
    }

    public Optional<String> nonceValue() {
        return Optional.ofNullable(nonce);
    }
}
