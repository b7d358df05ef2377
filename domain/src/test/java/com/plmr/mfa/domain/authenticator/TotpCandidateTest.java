package com.plmr.mfa.domain.authenticator;

import static com.plmr.mfa.domain.authenticator.VerifierFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the verifier makes of what users and callers send it. */
class TotpCandidateTest {

    private static final TotpCheck REJECTED = new TotpCheck.Rejected();
    /** Not a code of six digits: refused before any HMAC, as no guess. */
    private static final TotpCheck MALFORMED = new TotpCheck.Malformed(java.util.Set.of(6));

    private final VerifierFixture fixture = new VerifierFixture();

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "1", "12345", "1234567", "12345a", "abcdef", "12 345", "-12345",
        "+12345", "12.345", "123456\n", "\u0000\u0000\u0000\u0000\u0000\u0000"})
    void rejects_malformed_candidates_without_failing(String candidate) {
        assertThat(fixture.verify(candidate, Totp.NEVER)).isEqualTo(MALFORMED);
    }

    @Test
    void rejects_the_right_code_padded_or_written_with_non_ascii_digits() {
        String right = fixture.codeAt(0);

        assertThat(fixture.verify(" " + right, Totp.NEVER)).isEqualTo(MALFORMED);
        assertThat(fixture.verify(right + " ", Totp.NEVER)).isEqualTo(MALFORMED);
        assertThat(fixture.verify(shiftDigits(right, '\uFF10'), Totp.NEVER)).isEqualTo(MALFORMED);
        assertThat(fixture.verify(shiftDigits(right, '\u0660'), Totp.NEVER)).isEqualTo(MALFORMED);
    }

    @Test
    void rejects_a_six_digit_suffix_when_eight_digits_are_expected() {
        Totp eight =
                new Totp(new TotpParameters(HmacAlgorithm.SHA256, 8, Duration.ofSeconds(30), 1));
        String code = eight.codeAt(fixture.secret, fixture.current);

        assertThat(eight.verify(fixture.secret, code, NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.Accepted(fixture.current));
        assertThat(eight.verify(fixture.secret, code.substring(2), NOW, Totp.NEVER))
                .isEqualTo(new TotpCheck.Malformed(java.util.Set.of(8)));
    }

    @Test
    void rejects_a_code_of_another_secret() {
        TotpSecret other = TotpSecret.random(new SplittableRandom(7), HmacAlgorithm.SHA1);
        String code = fixture.codeAt(0);
        fixture.assertNoStepInReachHasCode(other, code);

        assertThat(fixture.totp.verify(other, code, NOW, Totp.NEVER)).isEqualTo(REJECTED);
    }

    @Test
    void refuses_a_missing_candidate_secret_or_time() {
        Totp totp = fixture.totp;

        assertThatNullPointerException().isThrownBy(() -> fixture.verify(null, Totp.NEVER));
        assertThatNullPointerException()
                .isThrownBy(() -> totp.verify(null, "123456", NOW, Totp.NEVER));
        assertThatNullPointerException()
                .isThrownBy(() -> totp.verify(fixture.secret, "123456", null, Totp.NEVER));
    }

    @Test
    void verifies_at_the_extremes_of_representable_time() {
        Totp totp = fixture.totp;
        for (Instant instant : new Instant[] {Instant.MIN, Instant.EPOCH, Instant.MAX}) {
            long step = totp.timeStep(instant);
            String code = totp.codeAt(fixture.secret, step + 1);

            assertThat(totp.verify(fixture.secret, code, instant, Totp.NEVER))
                    .as("at %s", instant)
                    .isEqualTo(new TotpCheck.Accepted(step + 1));
        }
    }

    private static String shiftDigits(String asciiDigits, char zero) {
        StringBuilder shifted = new StringBuilder();
        asciiDigits.chars().forEach(c -> shifted.append((char) (zero + (c - '0'))));
        return shifted.toString();
    }
}
