package com.plmr.mfa.domain.challenge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountTest {

    @ParameterizedTest
    @CsvSource({
            "1234.5, EUR, 1234.50",
            "40, EUR, 40.00",
            "0.01, EUR, 0.01",
            "0, EUR, 0.00",
            "1500, JPY, 1500",
            "12.345, BHD, 12.345",
            "999999999999999.99, EUR, 999999999999999.99"})
    void an_amount_is_kept_at_its_currencys_scale(String value, String currency, String written) {
        Amount amount = Amount.of(value, currency);

        assertThat(amount.decimal()).isEqualTo(written);
        assertThat(amount.currencyCode()).isEqualTo(currency);
    }

    @ParameterizedTest
    @CsvSource({
            "1234.505, EUR",
            "1500.5, JPY",
            "12.3456, BHD",
            "1234.500, EUR"})
    void more_fraction_digits_than_the_currency_has_are_refused_not_rounded(String value, String currency) {
        assertThat(Amount.fitsCurrency(value, Currency.getInstance(currency))).isFalse();
        assertThatThrownBy(() -> Amount.of(value, currency)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1.00", "+1.00", "1,234.50", "1 234", "01.00", "1.", ".5", "1e3", "NaN",
            "١٢٣", "1000000000000000"})
    void only_a_plain_decimal_of_at_most_15_integer_digits_is_an_amount(String value) {
        assertThat(Amount.fitsCurrency(value, Currency.getInstance("EUR"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "ZZZ", "XXX", "XAU", "XTS", "", "E1R"})
    void a_currency_is_an_iso_4217_code_with_minor_units(String code) {
        assertThat(Amount.currencyOf(code)).isEmpty();
        assertThatThrownBy(() -> Amount.of("1.00", code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_negative_amount_is_refused_also_when_built_from_a_number() {
        assertThatThrownBy(() -> new Amount(new BigDecimal("-0.01"), Currency.getInstance("EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Amount(new BigDecimal("40.000"), Currency.getInstance("EUR")).decimal()).isEqualTo("40.00");
    }

    @Test
    void the_same_sum_written_twice_is_one_amount() {
        assertThat(Amount.of("40", "EUR")).isEqualTo(Amount.of("40.00", "EUR"));
        assertThat(Amount.of("40", "EUR")).isNotEqualTo(Amount.of("40", "USD"));
    }
}
