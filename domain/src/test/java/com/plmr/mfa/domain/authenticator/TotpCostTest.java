package com.plmr.mfa.domain.authenticator;

import static com.plmr.mfa.domain.authenticator.VerifierFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a verification costs, counted in HMAC computations: a wrong code costs no more than the
 * accepted window ({@code 2 × window + 1}), exactly what a right one costs, so neither the
 * service's load nor the response time tells a wrong code from a right one, or from a code of
 * another time.
 */
class TotpCostTest {

    private final VerifierFixture fixture = new VerifierFixture();

    private int hmacsToVerify(int window, String candidate) {
        CountingMacs macs = new CountingMacs();
        Totp totp = new Totp(new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), window), macs);
        totp.verify(fixture.secret, candidate, NOW, Totp.NEVER);
        return macs.computations();
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {0, 1, 3, TotpParameters.MAX_WINDOW})
    void a_right_code_costs_the_hmacs_of_the_window(int window) {
        assertThat(hmacsToVerify(window, fixture.codeAt(0))).isEqualTo(2 * window + 1);
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {0, 1, 3, TotpParameters.MAX_WINDOW})
    void a_wrong_code_costs_no_more_than_the_window(int window) {
        String wrong = VerifierFixture.wrongCode(fixture.codeAt(0));
        fixture.assertNoStepInReachHasCode(fixture.secret, wrong);

        assertThat(hmacsToVerify(window, wrong)).isEqualTo(2 * window + 1);
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(ints = {-11, -2, 2, 11})
    void a_code_of_another_time_costs_what_a_wrong_code_costs(int offset) {
        assertThat(hmacsToVerify(1, fixture.codeAt(offset))).isEqualTo(3);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "12345", "1234567", "12345a"})
    void a_malformed_code_costs_no_hmac(String candidate) {
        assertThat(hmacsToVerify(1, candidate)).isZero();
    }
}
