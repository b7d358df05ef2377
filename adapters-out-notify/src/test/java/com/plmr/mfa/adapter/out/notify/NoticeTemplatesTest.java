package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.NoticeMessage;
import com.plmr.mfa.domain.notice.NoticeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The wording of the notices: every kind in English and German, by SMS and e-mail, and never a code. */
class NoticeTemplatesTest {

    private static final Instant AT = Instant.parse("2026-11-30T09:05:00Z");

    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    private static NoticeMessage notice(Channel channel, String language, NoticeKind kind) {
        return new NoticeMessage("ntc_1", "ntc_1", new Destination(channel,
                channel == Channel.SMS ? TestMessages.PHONE : "jane@example.com"), Locale.forLanguageTag(language),
                kind, AT);
    }

    @Test
    void an_english_sms_says_what_happened_and_when() {
        assertThat(templates.smsText(notice(Channel.SMS, "en", NoticeKind.FACTORS_RESET))).isEqualTo(
                "Security notice: An administrator removed the sign-in methods of your account. (30 Nov 2026, 09:05 UTC)"
                        + " Not you? Contact support.");
    }

    @Test
    void a_german_e_mail_says_what_happened_and_when_in_german() {
        EmailContent email = templates.email(notice(Channel.EMAIL, "de-AT", NoticeKind.REGISTRATION_LOCKED));

        assertThat(email.language()).isEqualTo("de");
        assertThat(email.subject()).isEqualTo("Ihre Authenticator-App wurde gesperrt");
        assertThat(email.text()).startsWith("Ihre Authenticator-App wurde nach falschen Codes vorübergehend gesperrt.")
                .contains("Wann: 30.11.2026, 09:05 UTC");
        assertThat(email.html()).contains("<html lang=\"de\">").contains("Wann: 30.11.2026, 09:05 UTC");
    }

    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void every_kind_has_its_own_words_in_both_languages_and_an_sms_of_one_gsm_7_segment(NoticeKind kind) {
        for (String language : MessageTemplates.LANGUAGES) {
            String sms = templates.smsText(notice(Channel.SMS, language, kind));
            EmailContent email = templates.email(notice(Channel.EMAIL, language, kind));

            assertThat(Gsm7.isGsm7(sms)).as(sms).isTrue();
            assertThat(Gsm7.count(sms).segments()).as(sms).isEqualTo(1);
            assertThat(email.subject()).isNotBlank().doesNotContain("{{");
            assertThat(email.text()).doesNotContain("{{");
            for (NoticeKind other : NoticeKind.values()) {
                if (other != kind) {
                    assertThat(email.subject()).isNotEqualTo(templates.email(notice(Channel.EMAIL, language, other))
                            .subject());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void a_notice_carries_no_digits_but_those_of_its_date(NoticeKind kind) {
        for (String language : MessageTemplates.LANGUAGES) {
            String sms = templates.smsText(notice(Channel.SMS, language, kind));
            EmailContent email = templates.email(notice(Channel.EMAIL, language, kind));

            assertThat(withoutDate(sms)).doesNotContainPattern("[0-9]");
            assertThat(withoutDate(email.subject() + email.text() + email.html().replaceAll("<[^>]*>", "")))
                    .doesNotContainPattern("[0-9]");
        }
    }

    private static String withoutDate(String text) {
        return text.replace("30 Nov 2026, 09:05 UTC", "").replace("30.11.2026, 09:05 UTC", "");
    }
}
