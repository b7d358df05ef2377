package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.domain.challenge.Amount;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * An amount as the user's language writes it, with the platform's CLDR data: {@code €1,234.50}
 * in English, {@code 1.234,50 €} in German, {@code € 1.234,50} for {@code de-AT}. Always with the
 * currency's own number of decimals and never rounded (the domain refused any other scale).
 *
 * <p>For SMS the text is kept within GSM-7 so that the message is not sent as UCS-2 (70 instead
 * of 160 characters a segment): the no-break spaces and the Swiss apostrophe the locale data
 * uses become their GSM-7 look-alikes, and a currency symbol outside GSM-7 ({@code ₹}, {@code ₩})
 * is replaced by the ISO 4217 code.
 */
final class Money {

    private Money() {
    }

    static String format(Amount amount, Locale locale) {
        return formatter(amount, locale).format(amount.value());
    }

    static String formatForSms(Amount amount, Locale locale) {
        String text = Gsm7.lookAlikes(format(amount, locale));
        if (Gsm7.isGsm7(text)) {
            return text;
        }
        DecimalFormat withCode = formatter(amount, locale);
        DecimalFormatSymbols symbols = withCode.getDecimalFormatSymbols();
        symbols.setCurrencySymbol(amount.currencyCode());
        withCode.setDecimalFormatSymbols(symbols);
        return Gsm7.lookAlikes(withCode.format(amount.value()));
    }

    private static DecimalFormat formatter(Amount amount, Locale locale) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(amount.currency());
        int decimals = amount.currency().getDefaultFractionDigits();
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format;
    }

}
