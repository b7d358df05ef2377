package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.OtpCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static com.plmr.mfa.adapter.out.notify.TestMessages.CODE;
import static com.plmr.mfa.adapter.out.notify.TestMessages.EMAIL;
import static com.plmr.mfa.adapter.out.notify.TestMessages.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

class MessageTemplatesTest {

    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    private static CodeMessage sms(String language, String code, int minutes, String summary) {
        return new CodeMessage("m", "k", TestMessages.CHALLENGE,
                new Destination(Channel.SMS, TestMessages.PHONE), Locale.forLanguageTag(language),
                new OtpCode(code), minutes, summary);
    }

    @Test
    void english_sms_names_the_code_the_action_and_the_validity() {
        assertThat(templates.smsText(TestMessages.sms("en", SUMMARY)))
                .isEqualTo("Code 493817 to approve: payment of EUR 40 to ACME. Valid 5 minutes. Never share it.");
    }

    @Test
    void english_sms_without_summary_names_the_code_and_the_validity() {
        assertThat(templates.smsText(TestMessages.sms("en", null)))
                .isEqualTo("Your code: 493817. Valid 5 minutes. Never share it.");
    }

    @Test
    void german_sms_names_the_code_the_action_and_the_validity() {
        assertThat(templates.smsText(TestMessages.sms("de-DE", "Zahlung von 40 EUR an ACME")))
                .isEqualTo("Code 493817 zur Freigabe: Zahlung von 40 EUR an ACME. Gültig 5 Minuten. Niemals weitergeben.");
    }

    @Test
    void german_sms_without_summary_names_the_code_and_the_validity() {
        assertThat(templates.smsText(TestMessages.sms("de", null)))
                .isEqualTo("Ihr Code: 493817. Gültig 5 Minuten. Niemals weitergeben.");
    }

    @Test
    void one_minute_is_singular() {
        assertThat(templates.smsText(sms("en", CODE, 1, null))).contains("Valid 1 minute.");
        assertThat(templates.smsText(sms("de", CODE, 1, null))).contains("Gültig 1 Minute.");
    }

    @Test
    void every_german_locale_gets_german_and_every_other_locale_english() {
        assertThat(MessageTemplates.languageOf(Locale.forLanguageTag("de-AT"))).isEqualTo("de");
        assertThat(MessageTemplates.languageOf(Locale.forLanguageTag("de-CH"))).isEqualTo("de");
        assertThat(MessageTemplates.languageOf(Locale.forLanguageTag("en-GB"))).isEqualTo("en");
        assertThat(MessageTemplates.languageOf(Locale.FRENCH)).isEqualTo("en");
        assertThat(MessageTemplates.languageOf(Locale.ROOT)).isEqualTo("en");
        assertThat(templates.smsText(TestMessages.sms("fr-FR", null))).startsWith("Your code: ");
    }

    @Test
    void the_summary_is_put_on_one_line_without_a_doubled_period() {
        assertThat(templates.smsText(TestMessages.sms("en", "  payment of EUR 40\n\tto ACME.  ")))
                .isEqualTo("Code 493817 to approve: payment of EUR 40 to ACME. Valid 5 minutes. Never share it.");
        assertThat(templates.smsText(TestMessages.sms("en", "  ")))
                .isEqualTo("Your code: 493817. Valid 5 minutes. Never share it.");
    }

    /** 80 GSM-7 characters each, with the widest letters the templates may meet. */
    private static final List<String> SUMMARIES_80 = List.of(
            "x".repeat(80),
            "Überweisung von 1.234,56 EUR an Müller & Söhne GmbH, Straße 7, Köln; Ä Ö Ü ß äöü",
            "payment of EUR 99,999.99 to ACME Corporation Ltd. (order #A-2024-000123) @shop12");

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void the_default_sms_fits_one_gsm7_segment_with_an_8_digit_code_and_an_80_character_summary(String language) {
        for (String summary : SUMMARIES_80) {
            assertThat(summary).hasSize(80);
            assertThat(Gsm7.isGsm7(summary)).isTrue();
            for (int minutes : new int[] {1, 5, 15, 60, 999}) {
                String text = templates.smsText(sms(language, "12345678", minutes, summary));

                assertThat(Gsm7.count(text).encoding()).as(text).isEqualTo(Gsm7.Encoding.GSM7);
                assertThat(Gsm7.fitsOneGsm7Segment(text)).as("%s (%d septets)", text, Gsm7.count(text).units()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void the_default_sms_without_summary_fits_one_gsm7_segment(String language) {
        String text = templates.smsText(sms(language, "12345678", 999, null));

        assertThat(Gsm7.fitsOneGsm7Segment(text)).as(text).isTrue();
    }

    @Test
    void english_email_has_subject_plain_text_and_html_with_code_validity_and_summary() {
        EmailContent email = templates.email(TestMessages.email(EMAIL, "en", SUMMARY));

        assertThat(email.language()).isEqualTo("en");
        assertThat(email.subject()).isEqualTo("Your security code");
        assertThat(email.text()).contains("You are about to approve: payment of EUR 40 to ACME", CODE,
                "valid for 5 minutes");
        assertThat(email.html()).contains("<html lang=\"en\">", "<strong>payment of EUR 40 to ACME</strong>",
                ">" + CODE + "<", "valid for 5 minutes");
    }

    @Test
    void german_email_has_subject_plain_text_and_html_with_code_validity_and_summary() {
        EmailContent email = templates.email(TestMessages.email(EMAIL, "de", "Zahlung von 40 EUR an ACME"));

        assertThat(email.language()).isEqualTo("de");
        assertThat(email.subject()).isEqualTo("Ihr Sicherheitscode");
        assertThat(email.text()).contains("Sie sind dabei, Folgendes freizugeben: Zahlung von 40 EUR an ACME", CODE,
                "Er ist 5 Minuten gültig");
        assertThat(email.html()).contains("<html lang=\"de\">", "<strong>Zahlung von 40 EUR an ACME</strong>",
                ">" + CODE + "<", "5 Minuten gültig");
    }

    @Test
    void email_without_summary_leaves_out_the_approval_line() {
        EmailContent en = templates.email(TestMessages.email(EMAIL, "en", null));
        EmailContent de = templates.email(TestMessages.email(EMAIL, "de", null));

        assertThat(en.text()).startsWith("Your security code is:").doesNotContain("approve");
        assertThat(en.html()).doesNotContain("approve", "<strong>");
        assertThat(de.text()).startsWith("Ihr Sicherheitscode lautet:").doesNotContain("freizugeben");
        assertThat(de.html()).doesNotContain("freizugeben", "<strong>");
    }

    @Test
    void html_escapes_the_summary_and_plain_text_keeps_it_verbatim() {
        String summary = "pay <script>alert('x')</script> & \"more\" to ACME";

        EmailContent email = templates.email(TestMessages.email(EMAIL, "en", summary));

        assertThat(email.html())
                .doesNotContain("<script>")
                .contains("pay &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot; to ACME");
        assertThat(email.text()).contains(summary);
    }

    @Test
    void the_rendered_email_shows_no_code_in_its_string_form() {
        assertThat(templates.email(TestMessages.email(EMAIL, "en", SUMMARY)).toString()).doesNotContain(CODE);
    }
}
