package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 §4.2: {@code T = floor((now - T0) / X)} with {@code T0 = 0}, in 64 bits. */
class TotpTimeStepTest {

    private final Totp totp = new Totp(TotpParameters.defaults());

    @ParameterizedTest(name = "{0} s is step {1}")
    @CsvSource({
        "0, 0", "29, 0", "30, 1", "59, 1", "60, 2",
        "-1, -1", "-30, -1", "-31, -2",
        "2147483647, 71582788", "2147483648, 71582788", "4294967296, 143165576",
    })
    void counts_whole_periods_since_the_epoch_rounding_down(long epochSeconds, long step) {
        assertThat(totp.timeStep(Instant.ofEpochSecond(epochSeconds))).isEqualTo(step);
    }

    @Test
    void the_last_nanosecond_of_a_period_still_belongs_to_it() {
        Instant lastMoment = Instant.ofEpochSecond(29, 999_999_999);

        assertThat(totp.timeStep(lastMoment)).isZero();
        assertThat(totp.timeStep(lastMoment.plusNanos(1))).isOne();
    }

    @Test
    void uses_the_configured_period() {
        Totp minutes =
                new Totp(new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofMinutes(1), 1));

        assertThat(minutes.timeStep(Instant.ofEpochSecond(119))).isOne();
        assertThat(minutes.timeStep(Instant.ofEpochSecond(120))).isEqualTo(2);
    }

    @Test
    void covers_every_instant_java_can_represent() {
        assertThat(totp.timeStep(Instant.MAX)).isEqualTo(1_051_896_328_813_439L);
        assertThat(totp.timeStep(Instant.MIN)).isEqualTo(-1_051_900_472_240_640L);
    }
}
