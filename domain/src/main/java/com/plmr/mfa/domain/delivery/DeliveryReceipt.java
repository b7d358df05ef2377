package com.plmr.mfa.domain.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the provider reported about a message it had accepted: whether it reached the phone. A
 * message is {@code SENT} once the provider took it; only the receipt says it was delivered, or
 * that the network gave up on it ({@code UNDELIVERED}, with the provider's error code).
 *
 * @param outcome    delivered or undelivered
 * @param errorCode  the provider's error code for an undelivered message (Twilio's {@code 30003}),
 *                   1 to 32 of {@code A-Z a-z 0-9 . _ -}, or {@code null}
 * @param receivedAt when the receipt arrived
 */
public record DeliveryReceipt(Outcome outcome, String errorCode, Instant receivedAt) {

    public enum Outcome { DELIVERED, UNDELIVERED }

    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    public DeliveryReceipt {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (errorCode != null && !ERROR_CODE.matcher(errorCode).matches()) {
            throw new IllegalArgumentException("an error code is 1 to 32 of A-Z a-z 0-9 . _ -");
        }
    }

    /** Whether the error code is one this record takes, so an adapter can drop a malformed one. */
    public static boolean isErrorCode(String value) {
        return value != null && ERROR_CODE.matcher(value).matches();
    }
}
