package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Codes from an independent implementation, com.eatthepath:java-otp, must be accepted. Secrets,
 * instants and periods are random but seeded, so every run checks the same cases. java-otp
 * formats with the default locale unless told otherwise; {@link Locale#ROOT} keeps its digits
 * ASCII whatever machine runs the test.
 */
class JavaOtpInteroperabilityTest {

    private static final int CASES = 300;
    private static final long LATEST_MILLI = Instant.parse("2400-01-01T00:00:00Z").toEpochMilli();
    private static final int[] PERIODS = {15, 30, 60, 90};

    static Stream<Arguments> algorithmsAndLengths() {
        return Stream.of(HmacAlgorithm.values()).flatMap(algorithm -> Stream.of(
                Arguments.of(algorithm, 6), Arguments.of(algorithm, 8)));
    }

    @ParameterizedTest(name = "{0}, {1} digits")
    @MethodSource("algorithmsAndLengths")
    void accepts_totp_codes_generated_by_java_otp(HmacAlgorithm algorithm, int digits)
            throws Exception {
        Random random = new Random(31L * algorithm.ordinal() + digits);
        for (int i = 0; i < CASES; i++) {
            Duration period = Duration.ofSeconds(PERIODS[random.nextInt(PERIODS.length)]);
            TotpSecret secret = TotpSecret.random(random, algorithm);
            Instant generatedAt = Instant.ofEpochMilli(random.nextLong(LATEST_MILLI));
            TimeBasedOneTimePasswordGenerator theirs =
                    new TimeBasedOneTimePasswordGenerator(period, digits, algorithm.macName());
            Totp ours = new Totp(new TotpParameters(algorithm, digits, period, 1));

            String code = theirs.generateOneTimePasswordString(
                    keyOf(secret, algorithm), generatedAt, Locale.ROOT);
            long step = ours.timeStep(generatedAt);

            assertThat(ours.codeAt(secret, step)).as("case %d", i).isEqualTo(code);
            assertThat(ours.verify(secret, code, generatedAt, Totp.NEVER))
                    .as("case %d, same step", i)
                    .isEqualTo(new TotpCheck.Accepted(step));
            assertThat(ours.verify(secret, code, generatedAt.plus(period), Totp.NEVER))
                    .as("case %d, typed one step later", i)
                    .isEqualTo(new TotpCheck.Accepted(step));
        }
    }

    @Test
    void hotp_codes_match_java_otp_for_any_64_bit_counter() throws Exception {
        Random random = new Random(4226);
        for (int digits = 6; digits <= 8; digits++) {
            HmacOneTimePasswordGenerator theirs = new HmacOneTimePasswordGenerator(digits);
            for (int i = 0; i < CASES; i++) {
                TotpSecret secret = TotpSecret.random(random, HmacAlgorithm.SHA1);
                long counter = random.nextLong();

                assertThat(Hotp.generate(secret, counter, HmacAlgorithm.SHA1, digits))
                        .as("%d digits, counter %d", digits, counter)
                        .isEqualTo(theirs.generateOneTimePasswordString(
                                keyOf(secret, HmacAlgorithm.SHA1), counter, Locale.ROOT));
            }
        }
    }

    private static Key keyOf(TotpSecret secret, HmacAlgorithm algorithm) {
        return new SecretKeySpec(secret.bytes(), algorithm.macName());
    }
}
