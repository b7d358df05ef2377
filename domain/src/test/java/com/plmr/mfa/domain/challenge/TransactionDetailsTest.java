package com.plmr.mfa.domain.challenge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionDetailsTest {

    private static final Amount AMOUNT = Amount.of("1234.50", "EUR");
    private static final String EMOJI = "\uD83D\uDCB6";

    @ParameterizedTest
    @ValueSource(strings = {"DE89 **** **** **** **** 00", "****3000", "**** 3000", "DE** **** 30.00", "*"})
    void a_masked_account_shows_at_most_six_letters_or_digits(String account) {
        assertThat(Payee.isMaskedAccount(account)).isTrue();
        assertThat(new Payee("ACME GmbH", account).account()).isEqualTo(account);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "DE89 **** 0532 0130",
            "", "****\n3000", "****_3000", "**** 3000 **** **** **** **** **** ****"})
    void a_full_or_malformed_account_is_refused(String account) {
        assertThat(Payee.isMaskedAccount(account)).isFalse();
        assertThatThrownBy(() -> new Payee("ACME GmbH", account)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_payee_name_has_1_to_70_characters_without_control_characters() {
        assertThat(new Payee(EMOJI.repeat(70), null).name()).hasSize(140);
        assertThatThrownBy(() -> new Payee(EMOJI.repeat(71), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payee(" ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payee("ACME\u0007GmbH", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_type_amount_and_payee_are_required_and_the_reference_is_not() {
        Payee payee = new Payee("ACME GmbH", null);

        assertThat(new TransactionDetails("payment_initiation", AMOUNT, payee, null).reference()).isNull();
        assertThatThrownBy(() -> new TransactionDetails(null, AMOUNT, payee, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TransactionDetails("payment_initiation", null, payee, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TransactionDetails("payment_initiation", AMOUNT, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_reference_has_at_most_35_characters_without_control_characters() {
        Payee payee = new Payee("ACME GmbH", null);

        assertThat(new TransactionDetails("payment_initiation", AMOUNT, payee, EMOJI.repeat(35)).reference())
                .hasSize(70);
        assertThatThrownBy(() -> new TransactionDetails("payment_initiation", AMOUNT, payee, "x".repeat(36)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionDetails("payment_initiation", AMOUNT, payee, "INV\r\n1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_context_carries_the_details_beside_its_summary() {
        TransactionDetails details = new TransactionDetails("payment_initiation", AMOUNT,
                new Payee("ACME GmbH", "****3000"), "INV-1");

        StepUpContext context = new StepUpContext("payment", "pay-1", null, "payment to ACME", details);

        assertThat(context.transaction()).isEqualTo(details);
        assertThat(new StepUpContext("payment", "pay-1", null, null).transaction()).isNull();
    }
}
