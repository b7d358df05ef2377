package com.plmr.mfa.domain.challenge;

import java.util.Objects;

/**
 * The transaction a challenge approves, in the shape of an RFC 9396 {@code authorization_details}
 * entry: a {@code type} ({@code payment_initiation}), the amount, the payee and the consumer's
 * reference of the transaction. With these the user sees what the code approves and the code is
 * bound to exactly this amount and payee (PSD2 RTS Art. 5, dynamic linking): the code's keyed hash
 * covers the operation digest, which covers these details.
 *
 * @param reference the transaction's reference as the user may know it (an invoice number), or {@code null}
 */
public record TransactionDetails(String type, Amount amount, Payee payee, String reference) {

    public static final int MAX_TYPE = 64;
    public static final int MAX_REFERENCE = 35;

    public TransactionDetails {
        Texts.require(type, "type", MAX_TYPE);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payee, "payee");
        if (reference != null) {
            Texts.require(reference, "transaction reference", MAX_REFERENCE);
        }
    }
}
