package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.out.notify.MessageTemplates;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The languages an initiate negotiates are the languages the messages are written in. */
class SupportedLanguagesTest {

    @Test
    void accept_language_negotiates_over_the_languages_of_the_message_templates() {
        assertThat(Locales.SUPPORTED).extracting(Locale::getLanguage).containsExactlyElementsOf(MessageTemplates.LANGUAGES);
    }
}
