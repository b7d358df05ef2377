package com.plmr.mfa.domain.challenge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transaction details are part of the operation digest: their members under the API's names,
 * the amount at its currency's scale. Digests computed independently with Python
 * ({@code json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False)}, {@code hashlib.sha256},
 * base64url), as docs/dynamic-linking.md lists them.
 */
class TransactionDigestTest {

    static StepUpContext payment(String amount, String currency, String payee, String account, String reference,
                                 String summary) {
        return new StepUpContext("payment", "pay-8c1f2", null, summary, new TransactionDetails("payment_initiation",
                Amount.of(amount, currency), new Payee(payee, account), reference));
    }

    @Test
    void a_payment_is_digested_with_every_member_of_its_transaction() {
        StepUpContext context = payment("1234.5", "EUR", "Müller & Söhne GmbH", "DE89 **** **** **** **** 00",
                "INV-2026-0042", "invoice INV-2026-0042");

        assertThat(OperationDigest.canonicalForm(context)).isEqualTo("{\"operation\":\"payment\",\"reference\":\"pay-8c1f2\","
                + "\"summary\":\"invoice INV-2026-0042\",\"transaction\":{\"amount\":{\"currency\":\"EUR\",\"value\":\"1234.50\"},"
                + "\"payee\":{\"account\":\"DE89 **** **** **** **** 00\",\"name\":\"Müller & Söhne GmbH\"},"
                + "\"reference\":\"INV-2026-0042\",\"type\":\"payment_initiation\"}}");
        assertThat(OperationDigest.of(context).text()).isEqualTo("sha256:OytasiPhBLlf8yWUeUBrOi6aHwb3ClUfZvIiMm2tOT0");
    }

    @Test
    void absent_account_and_reference_are_left_out_and_a_currency_without_decimals_has_none() {
        StepUpContext context = new StepUpContext("payment", "pay-1", null, null, new TransactionDetails(
                "payment_initiation", Amount.of("150000", "JPY"), new Payee("ACME", null), null));

        assertThat(OperationDigest.canonicalForm(context)).isEqualTo("{\"operation\":\"payment\",\"reference\":\"pay-1\","
                + "\"transaction\":{\"amount\":{\"currency\":\"JPY\",\"value\":\"150000\"},\"payee\":{\"name\":\"ACME\"},"
                + "\"type\":\"payment_initiation\"}}");
        assertThat(OperationDigest.of(context).text()).isEqualTo("sha256:gLl-MXSKN2tdOf5AFhNQ6au5FbgbXtt6rpB6YzBc31c");
    }

    @Test
    void another_amount_payee_account_or_reference_is_another_operation() {
        OperationDigest approved = OperationDigest.of(payment("40.00", "EUR", "ACME", "****3000", "INV-1", null));

        assertThat(OperationDigest.of(payment("40", "EUR", "ACME", "****3000", "INV-1", null))).isEqualTo(approved);
        assertThat(OperationDigest.of(payment("40.01", "EUR", "ACME", "****3000", "INV-1", null))).isNotEqualTo(approved);
        assertThat(OperationDigest.of(payment("40.00", "USD", "ACME", "****3000", "INV-1", null))).isNotEqualTo(approved);
        assertThat(OperationDigest.of(payment("40.00", "EUR", "ACME Ltd", "****3000", "INV-1", null))).isNotEqualTo(approved);
        assertThat(OperationDigest.of(payment("40.00", "EUR", "ACME", "****3001", "INV-1", null))).isNotEqualTo(approved);
        assertThat(OperationDigest.of(payment("40.00", "EUR", "ACME", "****3000", "INV-2", null))).isNotEqualTo(approved);
        assertThat(OperationDigest.of(payment("40.00", "EUR", "ACME", null, "INV-1", null))).isNotEqualTo(approved);
    }
}
