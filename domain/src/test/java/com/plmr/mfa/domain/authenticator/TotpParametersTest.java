package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpParametersTest {

    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

    @Test
    void defaults_are_sha1_six_digits_thirty_seconds_one_step_either_side() {
        TotpParameters defaults = TotpParameters.defaults();

        assertThat(defaults.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
        assertThat(defaults.digits()).isEqualTo(6);
        assertThat(defaults.period()).isEqualTo(THIRTY_SECONDS);
        assertThat(defaults.periodSeconds()).isEqualTo(30);
        assertThat(defaults.window()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 8, 9})
    void accepts_six_to_nine_digits(int digits) {
        assertThat(parameters(digits, THIRTY_SECONDS, 1).digits())
                .isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(ints = {-6, 0, 5, 10})
    void rejects_other_code_lengths(int digits) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parameters(digits, THIRTY_SECONDS, 1));
    }

    @ParameterizedTest
    @ValueSource(longs = {-30_000, 0, 999, 1_500, 30_001})
    void rejects_periods_that_are_not_whole_positive_seconds(long millis) {
        Duration period = Duration.ofMillis(millis);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> parameters(6, period, 1));
    }

    @Test
    void accepts_a_one_second_period() {
        assertThat(parameters(6, Duration.ofSeconds(1), 1).periodSeconds()).isOne();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10})
    void accepts_windows_of_zero_to_ten_steps(int window) {
        assertThat(parameters(6, THIRTY_SECONDS, window).window())
                .isEqualTo(window);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 11, Integer.MAX_VALUE})
    void rejects_other_windows(int window) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parameters(6, THIRTY_SECONDS, window));
    }

    @Test
    void requires_an_algorithm_and_a_period() {
        assertThatNullPointerException()
                .isThrownBy(() -> new TotpParameters(null, 6, THIRTY_SECONDS, 1));
        assertThatNullPointerException()
                .isThrownBy(() -> new TotpParameters(HmacAlgorithm.SHA1, 6, null, 1));
    }

    private static TotpParameters parameters(int digits, Duration period, int window) {
        return new TotpParameters(HmacAlgorithm.SHA1, digits, period, window);
    }
}
