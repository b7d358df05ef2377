package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 §5.2: no code is accepted twice, nor any code older than an accepted one. */
class TotpReplayTest {

    private final VerifierFixture fixture = new VerifierFixture();
    private final long current = fixture.current;

    @Test
    void rejects_a_code_that_was_already_used() {
        TotpCheck first = fixture.verify(fixture.codeAt(0), Totp.NEVER);
        long accepted = ((TotpCheck.Accepted) first).step();

        assertThat(fixture.verify(fixture.codeAt(0), accepted))
                .isEqualTo(new TotpCheck.Replayed(current));
    }

    @Test
    void refuses_every_step_up_to_the_accepted_one() {
        long acceptedNextStep = current + 1;

        for (int offset = -1; offset <= 1; offset++) {
            assertThat(fixture.verify(fixture.codeAt(offset), acceptedNextStep))
                    .as("offset %d", offset)
                    .isEqualTo(new TotpCheck.Replayed(current + offset));
        }
    }

    @Test
    void accepts_a_later_step_after_an_accepted_one() {
        assertThat(fixture.verify(fixture.codeAt(0), current - 1))
                .isEqualTo(new TotpCheck.Accepted(current));
        assertThat(fixture.verify(fixture.codeAt(1), current))
                .isEqualTo(new TotpCheck.Accepted(current + 1));
    }

    /**
     * With the RFC 4226 seed, steps 37353814 and 37353816 share the code 137227 (found by search,
     * checked below), so one candidate is valid for two steps of the same window.
     */
    @Test
    void a_code_valid_for_two_steps_is_accepted_for_the_earliest_unused_one() {
        Totp totp = fixture.totp;
        TotpSecret rfcSeed =
                TotpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        long first = 37_353_814L;
        Instant between = Instant.ofEpochSecond((first + 1) * 30);
        String code = totp.codeAt(rfcSeed, first);
        assertThat(totp.codeAt(rfcSeed, first + 2)).isEqualTo(code);
        assertThat(totp.codeAt(rfcSeed, first + 1)).isNotEqualTo(code);

        assertThat(totp.verify(rfcSeed, code, between, Totp.NEVER))
                .isEqualTo(new TotpCheck.Accepted(first));
        assertThat(totp.verify(rfcSeed, code, between, first))
                .isEqualTo(new TotpCheck.Accepted(first + 2));
        assertThat(totp.verify(rfcSeed, code, between, first + 2))
                .isEqualTo(new TotpCheck.Replayed(first + 2));
    }
}
