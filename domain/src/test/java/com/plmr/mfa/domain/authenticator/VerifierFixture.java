package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** One secret, one instant and the default verifier, shared by the verification tests. */
final class VerifierFixture {

    static final Instant NOW = Instant.parse("2031-05-14T09:26:53Z");

    final TotpSecret secret =
            TotpSecret.random(new SplittableRandom(20_310_514L), HmacAlgorithm.SHA1);
    final Totp totp = new Totp(TotpParameters.defaults());
    final long current = totp.timeStep(NOW);

    /** The code of the step {@code offset} steps from the current one. */
    String codeAt(int offset) {
        return totp.codeAt(secret, current + offset);
    }

    TotpCheck verify(String candidate, long lastAcceptedStep) {
        return totp.verify(secret, candidate, NOW, lastAcceptedStep);
    }

    static Totp totpWithWindow(int window) {
        return new Totp(new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), window));
    }

    /** A code that differs from {@code right} in its last digit. */
    static String wrongCode(String right) {
        char last = right.charAt(right.length() - 1);
        return right.substring(0, right.length() - 1) + (char) ('0' + (last - '0' + 5) % 10);
    }

    /**
     * Guards a fixture: a chance collision of 6-digit codes would void the test using it. Looks
     * farther than any window, and as far as the engine once searched for drift.
     */
    void assertNoStepInReachHasCode(TotpSecret key, String code) {
        int reach = 2 * TotpParameters.MAX_WINDOW + 1;
        for (long step = current - reach; step <= current + reach; step++) {
            assertThat(totp.codeAt(key, step)).as("precondition, step %d", step).isNotEqualTo(code);
        }
    }
}
