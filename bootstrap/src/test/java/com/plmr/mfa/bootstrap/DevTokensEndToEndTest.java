package com.plmr.mfa.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The development run mints tokens for the README walkthrough (see ProductionStartTest for their absence). */
@MicronautTest(transactional = false, environments = "dev")
class DevTokensEndToEndTest extends EndToEndTest {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private Instant start;

    @BeforeEach
    void setUp() {
        start = clock.instant();
    }

    @AfterEach
    void restoreTheClock() {
        clock.set(start);
    }

    private String mint(String body) {
        HttpResponse<String> response = http.json("POST", "/dev/tokens", null, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher token = TOKEN.matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    @Test
    void a_minted_user_token_manages_that_users_own_phone_only() {
        String token = mint("{\"sub\":\"u-dev-1\"}");

        assertThat(http.json("PUT", "/resources/v3alpha/users/u-dev-1/phone", token,
                "{\"phone\":\"+4915100000042\"}").statusCode()).isEqualTo(200);
        assertThat(http.json("GET", "/resources/v3alpha/users/u-dev-2/phone", token, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_minted_service_token_carries_its_scopes() {
        String token = mint("{\"sub\":\"payments\",\"scope\":\"mfa.factors.manage\"}");

        assertThat(http.json("PUT", "/resources/v3alpha/users/u-dev-3/email", token,
                "{\"email\":\"dev@example.com\"}").statusCode()).isEqualTo(200);
        assertThat(http.json("POST", "/internal/v1/mfa/challenges", token,
                "{\"userId\":\"u-dev-3\",\"context\":{\"operation\":\"p\",\"reference\":\"r\"}}").statusCode())
                .isEqualTo(403);
    }

    /** The service's clock is not the tokens' clock: moving it a year either way changes no token's life. */
    @ParameterizedTest
    @ValueSource(longs = {-366, 366})
    void a_token_minted_and_used_while_the_service_clock_is_a_year_off_is_accepted(long days) {
        clock.set(Instant.now().plus(Duration.ofDays(days)));
        String minted = mint("{\"sub\":\"u-dev-4\"}");

        assertThat(http.json("PUT", "/resources/v3alpha/users/u-dev-4/phone", minted,
                "{\"phone\":\"+4915100000044\"}").statusCode()).isEqualTo(200);
        clock.set(start);
        assertThat(http.json("GET", "/resources/v3alpha/users/u-dev-4/phone", minted, null).statusCode())
                .as("the same token after the clock moved back").isEqualTo(200);
    }

    @Test
    void a_malformed_subject_is_400_in_the_error_model() {
        HttpResponse<String> response = http.json("POST", "/dev/tokens", null, "{\"sub\":\"a b\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("urn:plmr:mfa-totp:api:BAD_REQUEST");
    }
}
