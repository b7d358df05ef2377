package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.delivery.ProviderCallback;

/**
 * Takes a provider's status callback. Callers are providers, not users or services, so there is no
 * token: the signature is checked first, and an unsigned or wrongly signed callback is refused and
 * audited. The answer to a believed callback is the same whether it named a known message or not,
 * was recorded or repeated, so a caller learns nothing about messages or challenges from it.
 */
public interface ReceiveDeliveryReceiptUseCase {

    Answer receive(ProviderCallback callback);

    enum Answer {
        /** Signed and read (recorded, repeated, unknown or not final alike). */
        ACCEPTED,
        /** Unsigned, wrongly signed, or for a provider whose receipts are not configured. */
        REFUSED,
        /** Signed, but not a status callback. */
        MALFORMED
    }
}
