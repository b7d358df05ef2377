package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.domain.challenge.Amount;
import com.plmr.mfa.domain.challenge.Payee;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.OtpCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static com.plmr.mfa.adapter.out.notify.TestMessages.CODE;
import static com.plmr.mfa.adapter.out.notify.TestMessages.EMAIL;
import static com.plmr.mfa.adapter.out.notify.TestMessages.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** Every channel shows the amount and the payee a code approves, in the user's language and number format. */
class TransactionMessagesTest {

    private static final String NBSP = "\u00A0";
    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    @Test
    void english_sms_shows_the_amount_as_english_writes_it_and_the_payee() {
        assertThat(templates.smsText(TestMessages.paymentSms("en", payment("1234.50", "EUR", "ACME GmbH"))))
                .isEqualTo("Code 493817 to approve: €1,234.50 to ACME GmbH. Valid 5 minutes. Never share it.");
    }

    @Test
    void german_sms_shows_the_amount_as_german_writes_it_and_the_payee() {
        assertThat(templates.smsText(TestMessages.paymentSms("de-DE", payment("1234.50", "EUR", "Müller & Söhne GmbH"))))
                .isEqualTo("Code 493817 zur Freigabe: 1.234,50 € an Müller & Söhne GmbH. Gültig 5 Minuten. Niemals weitergeben.");
    }

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource(delimiter = '|', value = {
            "en|1234.50|EUR|€1,234.50",
            "en-US|1234.50|USD|$1,234.50",
            "en|150000|JPY|¥150,000",
            "de|150000|JPY|150.000 ¥",
            "de|0.05|EUR|0,05 €",
            "de-AT|1234.50|EUR|€ 1.234,50",
            "de-CH|1234.50|CHF|CHF 1'234.50",
            "fr|1234.50|EUR|€1,234.50"})
    void an_sms_writes_the_amount_in_the_messages_locale_within_gsm7(String locale, String value, String currency,
                                                                     String written) {
        String sms = templates.smsText(TestMessages.paymentSms(locale, payment(value, currency, "ACME")));

        assertThat(sms).contains(written);
        assertThat(Gsm7.isGsm7(sms)).as(sms).isTrue();
    }

    @Test
    void a_currency_symbol_outside_gsm7_is_written_as_its_iso_code_in_sms_and_as_the_symbol_in_email() {
        TransactionDetails rupees = payment("1234.50", "INR", "ACME");
        String symbol = Money.format(rupees.amount(), Locale.ENGLISH);
        assertThat(Gsm7.isGsm7(symbol)).as(symbol).isFalse();

        String sms = templates.smsText(TestMessages.paymentSms("en", rupees));

        assertThat(sms).contains("INR1,234.50");
        assertThat(Gsm7.fitsOneGsm7Segment(sms)).as(sms).isTrue();
        assertThat(templates.email(TestMessages.email(EMAIL, "en", null, rupees)).text()).contains(symbol);
    }

    @Test
    void the_summary_gives_way_to_the_amount_and_payee_in_sms_and_stands_beside_them_in_email() {
        CodeMessage message = TestMessages.email(EMAIL, "en", "invoice 42", payment("40", "EUR", "ACME GmbH"));

        assertThat(templates.smsText(message)).contains("€40.00 to ACME GmbH").doesNotContain("invoice 42");
        assertThat(templates.email(message).text()).contains("You are about to approve: invoice 42", "Amount: €40.00");
    }

    /** 70 letters: the longest payee name, in letters that take one septet each. */
    private static final String PAYEE_70 = "Muller und Sohne Elektro- und Sanitaerinstallationen GmbH und Co KG NW";

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void the_sms_fits_one_gsm7_segment_with_the_longest_payee_an_8_digit_code_and_amounts_below_a_million(
            String language) {
        assertThat(PAYEE_70).hasSize(70);
        for (String amount : new String[] {"0.01", "1234.50", "999999.99"}) {
            for (int minutes : new int[] {1, 5, 999}) {
                String text = templates.smsText(message(language, "12345678", minutes, payment(amount, "EUR", PAYEE_70)));

                assertThat(Gsm7.fitsOneGsm7Segment(text)).as("%s (%d septets)", text, Gsm7.count(text).units()).isTrue();
            }
        }
    }

    /**
     * The largest amount (15 integer digits) leaves English room for the longest payee, German for
     * 61 characters of it: a longer name takes a second segment, and is never cut.
     */
    @ParameterizedTest
    @CsvSource({"en, 70", "de, 61"})
    void with_the_largest_amount_the_sms_fits_one_segment_up_to_a_measured_payee_length(String language, int fits) {
        TransactionDetails largest = payment("999999999999999.99", "EUR", PAYEE_70.substring(0, fits));
        String text = templates.smsText(message(language, "12345678", 999, largest));
        assertThat(Gsm7.count(text)).isEqualTo(new Gsm7.Count(Gsm7.Encoding.GSM7, 160, 1));

        if (fits < PAYEE_70.length()) {
            TransactionDetails longer = payment("999999999999999.99", "EUR", PAYEE_70.substring(0, fits + 1));
            String twoSegments = templates.smsText(message(language, "12345678", 999, longer));
            assertThat(Gsm7.count(twoSegments).segments()).isEqualTo(2);
            assertThat(twoSegments).contains(PAYEE_70.substring(0, fits + 1));
        }
    }

    @Test
    void a_payee_name_outside_gsm7_is_sent_whole_as_ucs2() {
        String text = templates.smsText(TestMessages.paymentSms("en", payment("40.00", "EUR", "Łódź Spółka")));

        assertThat(text).contains("Łódź Spółka");
        assertThat(Gsm7.count(text).encoding()).isEqualTo(Gsm7.Encoding.UCS2);
    }

    @Test
    void english_email_lists_amount_payee_account_and_reference_in_text_and_html() {
        EmailContent email = templates.email(TestMessages.email(EMAIL, "en", null, payment("1234.50", "EUR", "ACME GmbH")));

        assertThat(email.text()).contains("Amount: €1,234.50\nPayee: ACME GmbH, account DE89 **** **** **** **** 00\n"
                + "Reference: INV-2026-0042\n\nYour security code is:", CODE);
        assertThat(email.html()).contains("<strong>€1,234.50</strong>", "<strong>ACME GmbH</strong>",
                ">DE89 **** **** **** **** 00<", ">INV-2026-0042<", ">" + CODE + "<");
    }

    @Test
    void german_email_lists_them_in_german_with_german_numbers() {
        EmailContent email = templates.email(TestMessages.email(EMAIL, "de", null, payment("1234.50", "EUR", "ACME GmbH")));

        assertThat(email.text()).contains("Betrag: 1.234,50" + NBSP + "€\nEmpfänger: ACME GmbH, Konto DE89",
                "Referenz: INV-2026-0042");
        assertThat(email.html()).contains(">Betrag<", "<strong>1.234,50" + NBSP + "€</strong>", ">Empfänger<");
    }

    @Test
    void html_escapes_the_payee_and_the_reference_and_plain_text_keeps_them_verbatim() {
        TransactionDetails details = new TransactionDetails("payment_initiation", Amount.of("5.00", "EUR"),
                new Payee("<script>alert('x')</script> & \"Co\"", null), "<b>INV</b>");

        EmailContent email = templates.email(TestMessages.email(EMAIL, "en", null, details));

        assertThat(email.html()).doesNotContain("<script>", "<b>INV")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;", "&lt;b&gt;INV&lt;/b&gt;");
        assertThat(email.text()).contains("<script>alert('x')</script> & \"Co\"", "<b>INV</b>");
    }

    @Test
    void without_account_and_reference_their_lines_are_left_out() {
        TransactionDetails bare = new TransactionDetails("payment_initiation", Amount.of("5.00", "EUR"),
                new Payee("ACME", null), null);

        EmailContent email = templates.email(TestMessages.email(EMAIL, "en", null, bare));

        assertThat(email.text()).contains("Payee: ACME\n\nYour security code is:").doesNotContain("account", "Reference");
        assertThat(email.html()).doesNotContain(">Account<", ">Reference<");
    }

    private static CodeMessage message(String language, String code, int minutes, TransactionDetails transaction) {
        return new CodeMessage("m", "k", TestMessages.CHALLENGE,
                new Destination(Channel.SMS, TestMessages.PHONE), Locale.forLanguageTag(language),
                new OtpCode(code), minutes, null, transaction);
    }
}
