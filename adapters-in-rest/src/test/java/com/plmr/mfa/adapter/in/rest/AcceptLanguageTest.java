package com.plmr.mfa.adapter.in.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Accept-Language parsing (RFC 9110 section 12.5.4) and RFC 4647 lookup over English and German. */
class AcceptLanguageTest {

    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    @ParameterizedTest(name = "[{0}] selects {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "fr-FR, de;q=0.8              | de",
            "de                           | de",
            "de-CH-1996                   | de",
            "DE-at                        | de",
            "en-GB;q=0.9, de;q=0.1        | en",
            "en;q=0.1, de;q=0.9           | de",
            "de;q=0.5, en;q=0.5           | de",
            "en;q=0.5, de;q=0.5           | en",
            "de;q=0, en;q=0.2             | en",
            "de;q=0                       | none",
            "fr, *;q=0.5                  | none",
            "*                            | none",
            "fr-FR, es                    | none",
            "de;q=abc, en                 | en",
            "de;level=1, en;q=0.3         | en",
            "'de;q=1.0, en'               | de",
            "'  de  ;  q=0.7 , ,en;q=0.6' | de",
    })
    void looks_up_the_best_supported_language(String header, String expected) {
        assertThat(AcceptLanguage.parse(header).lookup(SUPPORTED))
                .isEqualTo(java.util.Optional.ofNullable(expected).map(Locale::forLanguageTag));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {";", ",", ";;;", ", ,", "q=0.5", ";q=1", "de;q=2", "de;q=1.5", "de;q=0.1234", "de;q=-1",
            "de-", "-de", "a1", "toolonglanguage", "de--at", "de_AT", "\u00e9", "de\u0000", "de;q", "de;q=", "de;;q=1",
            "de;q=0.5;q=0.5", "de q=0.5", "*;q=x", ""})
    void ignores_malformed_headers_without_failing(String header) {
        AcceptLanguage parsed = AcceptLanguage.parse(header);

        assertThat(parsed.ranges()).isEmpty();
        assertThat(parsed.lookup(SUPPORTED)).isEmpty();
        assertThat(parsed.canonical()).isEmpty();
    }

    @Test
    void keeps_the_well_formed_elements_of_a_partly_malformed_header() {
        AcceptLanguage parsed = AcceptLanguage.parse("de;q=2, ;, fr-FR;q=0.9, en-x-foo;q=0.50, *;q=0.1, a1");

        assertThat(parsed.ranges()).extracting(Locale.LanguageRange::getRange)
                .containsExactly("fr-fr", "en-x-foo", "*");
        assertThat(parsed.canonical()).contains("fr-FR;q=0.9, en-x-foo;q=0.5, *;q=0.1");
        assertThat(parsed.lookup(SUPPORTED)).contains(Locale.ENGLISH);
    }

    @Test
    void rewrites_a_header_that_the_framework_can_split() {
        assertThat(AcceptLanguage.parse("fr-FR , de;Q=0.8").canonical()).contains("fr-FR, de;q=0.8");
        assertThat(AcceptLanguage.parse(null).canonical()).isEmpty();
    }

    @Test
    void reads_at_most_a_bounded_number_of_elements() {
        String header = "fr, ".repeat(WeightedList.MAX_ELEMENTS) + "de";

        assertThat(AcceptLanguage.parse(header).ranges()).hasSize(WeightedList.MAX_ELEMENTS);
        assertThat(AcceptLanguage.parse(header).lookup(SUPPORTED)).isEmpty();
    }

    @Test
    void an_initiate_without_a_usable_header_asks_for_no_language() {
        assertThat(Locales.fromAcceptLanguage(null)).isNull();
        assertThat(Locales.fromAcceptLanguage(";")).isNull();
        assertThat(Locales.fromAcceptLanguage("fr-FR, de;q=0.8")).isEqualTo(Locale.GERMAN);
    }
}
