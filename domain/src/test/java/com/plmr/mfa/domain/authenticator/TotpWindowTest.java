package com.plmr.mfa.domain.authenticator;

import static com.plmr.mfa.domain.authenticator.VerifierFixture.NOW;
import static com.plmr.mfa.domain.authenticator.VerifierFixture.totpWithWindow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which steps are accepted (RFC 6238 §5.2), and that a code of any other step is refused exactly
 * like a wrong code: no answer tells that a code belongs to another time (§6 drift is seen only in
 * the offsets of accepted codes).
 */
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
    void refuses_codes_two_steps_away_by_default_as_wrong_codes(int offset) {
        assertThat(fixture.verify(fixture.codeAt(offset), Totp.NEVER)).isEqualTo(new TotpCheck.Rejected());
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
                .isEqualTo(new TotpCheck.Rejected());
        assertThat(narrow.verify(fixture.secret, fixture.codeAt(0), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.Accepted(current));
        assertThat(narrow.verify(fixture.secret, fixture.codeAt(-1), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.Rejected());
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {-40, -11, -7, -2, 2, 5, 11, 40})
    void a_code_of_a_step_outside_the_window_is_refused_like_a_wrong_one(int offset) {
        String code = fixture.codeAt(offset);
        String wrong = VerifierFixture.wrongCode(fixture.codeAt(0));
        fixture.assertNoStepInReachHasCode(fixture.secret, wrong);

        assertThat(fixture.verify(code, Totp.NEVER)).isEqualTo(fixture.verify(wrong, Totp.NEVER))
                .isEqualTo(new TotpCheck.Rejected());
    }

    @Test
    void the_widest_window_looks_no_step_beyond_its_edges() {
        Totp widest = totpWithWindow(TotpParameters.MAX_WINDOW);
        int edge = TotpParameters.MAX_WINDOW;

        assertThat(widest.verify(fixture.secret, fixture.codeAt(-edge), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.Accepted(current - edge));
        assertThat(widest.verify(fixture.secret, fixture.codeAt(edge + 1), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.Rejected());
        assertThat(widest.verify(fixture.secret, fixture.codeAt(-edge - 1), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.Rejected());
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {-1, 0, 1})
    void an_accepted_code_tells_how_many_steps_the_device_clock_is_off(int offset) {
        TotpCheck.Accepted accepted = (TotpCheck.Accepted) fixture.verify(fixture.codeAt(offset), Totp.NEVER);

        assertThat(fixture.totp.stepsOff(accepted.step(), NOW)).isEqualTo(offset);
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
