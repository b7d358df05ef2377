package com.plmr.mfa.adapter.out.notify.phone;

import com.plmr.mfa.domain.ParameterException;
import com.plmr.mfa.domain.challenge.DestinationRefusal;
import com.plmr.mfa.domain.challenge.DestinationRefusal.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The numbering plans as libphonenumber 9.0 knows them, with numbers of each line type taken from its metadata. */
class LibPhoneNumbersTest {

    private final LibPhoneNumbers defaults = new LibPhoneNumbers(PhoneRules.of("PREMIUM_RATE,SHARED_COST,UAN,UNKNOWN", "", ""));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "+4915112345612|+4915112345612",
            "+49 151 1234 5612|+4915112345612",
            "+49 (0)151 12345612|+4915112345612",
            "+49-151-1234-5612|+4915112345612",
            " +1 201 555 0123 |+12015550123",
            "+800 1234 5678|+80012345678"})
    void a_valid_number_written_internationally_is_normalised_to_e164(String written, String e164) {
        assertThat(defaults.normalise(written)).contains(e164);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"+49151777710", "+10000000000", "015112345612", "4915112345612", "+1 800 FLOWERS",
            "+49 151 12345612 ext. 7", "+49\n15112345612", "", "+"})
    void a_number_no_plan_knows_or_not_written_internationally_is_refused(String written) {
        assertThat(defaults.normalise(written)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "+499001234567, premium_rate",
            "+449012345678, premium_rate",
            "+19002345678, premium_rate",
            "+4918012345, shared_cost",
            "+43810123456, shared_cost",
            "+4918500123456, uan",
            "+445512345678, uan",
            "+49151777710, unknown"})
    void premium_rate_shared_cost_uan_and_unknown_numbers_are_refused_by_default(String e164, String type) {
        assertThat(defaults.screen(e164)).contains(new DestinationRefusal(Rule.LINE_TYPE, type));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+4915112345612", "+447400123456", "+12015550123", "+43664123456", "+498001234567890",
            "+445612345678"})
    void mobile_fixed_line_toll_free_and_voip_numbers_are_allowed_by_default(String e164) {
        assertThat(defaults.screen(e164)).isEmpty();
    }

    @Test
    void an_allowlist_allows_its_countries_only_and_a_denied_country_is_refused_even_when_allowed() {
        LibPhoneNumbers dach = new LibPhoneNumbers(PhoneRules.of("", "de, AT,CH", "AT"));

        assertThat(dach.screen("+4915112345612")).isEmpty();
        assertThat(dach.screen("+43664123456")).contains(new DestinationRefusal(Rule.COUNTRY, "AT"));
        assertThat(dach.screen("+447400123456")).contains(new DestinationRefusal(Rule.COUNTRY, "GB"));
        assertThat(dach.screen("+80012345678")).contains(new DestinationRefusal(Rule.COUNTRY, "001"));
    }

    @Test
    void a_denylist_alone_refuses_its_countries_and_allows_every_other() {
        LibPhoneNumbers noCuba = new LibPhoneNumbers(PhoneRules.of("", "", "CU"));

        assertThat(noCuba.screen("+5351234567")).contains(new DestinationRefusal(Rule.COUNTRY, "CU"));
        assertThat(noCuba.screen("+37121234567")).isEmpty();
        assertThat(noCuba.screen("+499001234567")).as("no type refused").isEmpty();
    }

    @Test
    void unknown_types_and_countries_in_the_settings_name_the_parameter() {
        assertThatThrownBy(() -> PhoneRules.of("PREMIUM", "", "")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("refusedTypes").hasMessageContaining("PREMIUM_RATE");
        assertThatThrownBy(() -> PhoneRules.of("", "DE,XX", "")).isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("allowedCountries");
        assertThatThrownBy(() -> PhoneRules.of("", "", "Germany")).isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("deniedCountries");
        assertThat(PhoneRules.of(" ", "", "").refusedTypes()).isEmpty();
    }
}
