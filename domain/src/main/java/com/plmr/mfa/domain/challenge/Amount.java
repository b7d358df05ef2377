package com.plmr.mfa.domain.challenge;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sum of money in an ISO 4217 currency, as a transaction being approved names it: a plain
 * decimal (no sign, no exponent, no grouping) with at most as many fraction digits as the
 * currency has minor units (EUR 2, JPY 0, BHD 3), so {@code 1234.505 EUR} is refused rather than
 * rounded: the user must see exactly the amount the consumer will execute (PSD2 RTS Art. 5).
 *
 * <p>The value is kept at the currency's scale ({@code 40} EUR is {@code 40.00}), so one amount
 * has one written form wherever it is shown, stored or digested. Currencies without minor units
 * defined by ISO 4217 (gold {@code XAU}, the test code {@code XTS}, "no currency" {@code XXX})
 * are refused: they name no amount a user could check.
 */
public record Amount(BigDecimal value, Currency currency) {

    /** Integer digits of the largest amount (below 10^15 minor units of any currency). */
    public static final int MAX_INTEGER_DIGITS = 15;
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0," + (MAX_INTEGER_DIGITS - 1) + "})(\\.[0-9]+)?");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + currency + " has no minor unit");
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()
                || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("value must be a positive decimal in " + currency);
        }
        value = value.setScale(currency.getDefaultFractionDigits());
    }

    /**
     * The amount written as a decimal string in a currency code.
     *
     * @throws IllegalArgumentException when {@link #currencyOf} or {@link #fitsCurrency} refuses
     */
    public static Amount of(String value, String currencyCode) {
        Currency currency = currencyOf(currencyCode)
                .orElseThrow(() -> new IllegalArgumentException("currency must be an ISO 4217 code"));
        if (!fitsCurrency(value, currency)) {
            throw new IllegalArgumentException("value must be a decimal with at most "
                    + currency.getDefaultFractionDigits() + " fraction digits");
        }
        return new Amount(new BigDecimal(value), currency);
    }

    /** The ISO 4217 currency of a three-letter code, when it is one that has minor units. */
    public static Optional<Currency> currencyOf(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Whether the text is a plain decimal with no more fraction digits than the currency has. */
    public static boolean fitsCurrency(String value, Currency currency) {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            return false;
        }
        int dot = value.indexOf('.');
        return dot < 0 || value.length() - dot - 1 <= currency.getDefaultFractionDigits();
    }

    /** The value at the currency's scale, e.g. {@code 1234.50}; the one written form of the amount. */
    public String decimal() {
        return value.toPlainString();
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }
}
