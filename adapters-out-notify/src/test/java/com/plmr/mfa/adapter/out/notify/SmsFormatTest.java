package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.domain.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static com.plmr.mfa.adapter.out.notify.TestMessages.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMS as phones read it: autofill lines, GSM-7 and one segment, and what is measured. */
class SmsFormatTest {

    private final List<Gsm7.Count> measured = new ArrayList<>();

    private MessageTemplates templates(SmsFormat format) {
        return MessageTemplates.fromClasspath(MessageTemplates.DEFAULT_LOCATION, format, measured::add);
    }

    @Test
    void with_an_origin_the_last_line_binds_the_code_to_the_domain() {
        String text = templates(SmsFormat.of("pay.example.com", "")).smsText(TestMessages.sms("en", SUMMARY));

        assertThat(text).isEqualTo("Code 493817 to approve: payment of EUR 40 to ACME. Valid 5 minutes. Never share it.\n"
                + "@pay.example.com #493817");
        assertThat(text.lines().reduce((first, second) -> second)).contains("@pay.example.com #493817");
    }

    @Test
    void an_android_app_hash_comes_on_its_own_line_before_the_origin_bound_line_or_last_without_one() {
        assertThat(templates(SmsFormat.of("example.com", "FA+9qCX9VSu")).smsText(TestMessages.sms("de", null)))
                .isEqualTo("Ihr Code: 493817. Gültig 5 Minuten. Niemals weitergeben.\nFA+9qCX9VSu\n@example.com #493817");
        assertThat(templates(SmsFormat.of(" ", "FA+9qCX9VSu")).smsText(TestMessages.sms("en", null)))
                .isEqualTo("Your code: 493817. Valid 5 minutes. Never share it.\nFA+9qCX9VSu");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"https://example.com", "example.com:443", "example.com/otp", "Example.com", "localhost",
            "exa mple.com", "-example.com", "example.com.", "@example.com"})
    void an_origin_is_a_lower_case_host_name_and_nothing_more(String origin) {
        assertThatThrownBy(() -> SmsFormat.of(origin, null)).isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("origin must be");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"FA+9qCX9VS", "FA+9qCX9VSuu", "FA+9qCX9VS=", "FA-9qCX9VSu"})
    void an_app_hash_is_eleven_base64_characters(String hash) {
        assertThatThrownBy(() -> SmsFormat.of(null, hash)).isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("androidAppHash must be");
    }

    @Test
    void a_summary_outside_gsm7_is_transliterated_so_the_sms_stays_one_gsm7_segment() {
        String text = templates(SmsFormat.PLAIN).smsText(TestMessages.sms("en", "Überweisung an Łukasz Kowalczyk – „Miete“ für März"));

        assertThat(text).isEqualTo("Code 493817 to approve: Überweisung an Lukasz Kowalczyk - \"Miete\" für März. Valid 5"
                + " minutes. Never share it.");
        assertThat(measured).containsExactly(new Gsm7.Count(Gsm7.Encoding.GSM7, text.length(), 1));
    }

    @Test
    void a_summary_too_long_for_one_segment_is_cut_to_the_longest_that_fits_with_the_autofill_line() {
        String summary = "payment of EUR 40 to ACME for the renewal of the annual maintenance contract of the"
                + " building at Hauptstrasse 12";
        String text = templates(SmsFormat.of("example.com", null)).smsText(TestMessages.sms("en", summary));

        String shown = text.substring("Code 493817 to approve: ".length(), text.indexOf("... Valid"));
        assertThat(summary).startsWith(shown);
        assertThat(shown.length()).isGreaterThanOrEqualTo(MessageTemplates.MIN_SUMMARY);
        assertThat(text).endsWith("... Valid 5 minutes. Never share it.\n@example.com #493817");
        assertThat(Gsm7.count(text).segments()).isEqualTo(1);
        assertThat(Gsm7.count(text).units()).as("cut at the limit, a word's space at most short of it")
                .isBetween(Gsm7.SINGLE_SEGMENT_SEPTETS - 1, Gsm7.SINGLE_SEGMENT_SEPTETS);
    }

    @Test
    void a_summary_that_cannot_be_cut_short_enough_is_left_out() {
        String text = templates(SmsFormat.of("a-very-long-subdomain-of-the-consumers-web-application.pay.example.com", "FA+9qCX9VSu"))
                .smsText(TestMessages.sms("en", "x".repeat(200)));

        assertThat(text).startsWith("Your code: 493817. Valid 5 minutes.");
        assertThat(Gsm7.fitsOneGsm7Segment(text)).isTrue();
    }

    @Test
    void the_payee_of_a_payment_is_never_changed_and_its_sms_is_measured_as_it_travels() {
        String text = templates(SmsFormat.PLAIN).smsText(TestMessages.paymentSms("en",
                TestMessages.payment("40.00", "EUR", "Łódź Transport Sp. z o.o.")));

        assertThat(text).contains("€40.00 to Łódź Transport Sp. z o.o.");
        assertThat(measured).containsExactly(Gsm7.count(text));
        assertThat(measured.get(0).encoding()).isEqualTo(Gsm7.Encoding.UCS2);
    }
}
