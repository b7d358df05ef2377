package com.plmr.mfa.domain.totp;

import static com.plmr.mfa.domain.totp.VerifierFixture.NOW;
import static com.plmr.mfa.domain.totp.VerifierFixture.totpWithWindow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which steps are accepted (RFC 6238 §5.2) and how a clock that is off is reported (§6). */
class TotpWindowTest {

    private final VerifierFixture fixture = new VerifierFixture();
    private final long current = fixture.current;

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {-1, 0, 1})
    void accepts_the_codes_of_the_current_step_and_one_step_either_side(int offset) {
        assertThat(fixture.verify(fixture.codeAt(offset), Totp.NEVER))
                .isEqualTo(new TotpCheck.Accepted(current + offset));
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {-2, 2})
    void does_not_accept_codes_two_steps_away_by_default(int offset) {
        assertThat(fixture.verify(fixture.codeAt(offset), Totp.NEVER))
                .isEqualTo(new TotpCheck.OutOfWindow(offset));
    }

    @Test
    void a_window_accepts_exactly_its_steps() {
        Totp wide = totpWithWindow(3);
        Totp narrow = totpWithWindow(0);

        for (int offset = -3; offset <= 3; offset++) {
            assertThat(wide.verify(fixture.secret, fixture.codeAt(offset), NOW, Totp.NEVER))
                    .isEqualTo(new TotpCheck.Accepted(current + offset));
        }
        assertThat(wide.verify(fixture.secret, fixture.codeAt(4), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.OutOfWindow(4));
        assertThat(narrow.verify(fixture.secret, fixture.codeAt(0), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.Accepted(current));
        assertThat(narrow.verify(fixture.secret, fixture.codeAt(-1), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.OutOfWindow(-1));
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {-11, -7, -2, 2, 5, 11})
    void reports_a_device_clock_that_is_off_with_a_signed_offset(int offset) {
        assertThat(fixture.verify(fixture.codeAt(offset), Totp.NEVER))
                .isEqualTo(new TotpCheck.OutOfWindow(offset));
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {-40, -12, 12, 40})
    void rejects_codes_beyond_the_drift_search(int offset) {
        String code = fixture.codeAt(offset);
        fixture.assertNoStepInReachHasCode(fixture.secret, code);

        assertThat(fixture.verify(code, Totp.NEVER)).isEqualTo(new TotpCheck.Rejected());
    }

    @Test
    void searches_for_drift_beyond_the_edges_of_a_wide_window() {
        Totp widest = totpWithWindow(TotpParameters.MAX_WINDOW);
        int edge = TotpParameters.MAX_WINDOW + Totp.DRIFT_STEPS;

        assertThat(widest.verify(fixture.secret, fixture.codeAt(-edge), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.OutOfWindow(-edge));
        assertThat(widest.verify(fixture.secret, fixture.codeAt(edge + 1), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.Rejected());
    }

    @Test
    void rejects_a_code_that_matches_no_step() {
        String right = fixture.codeAt(0);
        char last = right.charAt(5);
        String wrong = right.substring(0, 5) + (char) ('0' + (last - '0' + 5) % 10);
        fixture.assertNoStepInReachHasCode(fixture.secret, wrong);

        assertThat(fixture.verify(wrong, Totp.NEVER)).isEqualTo(new TotpCheck.Rejected());
    }
}
