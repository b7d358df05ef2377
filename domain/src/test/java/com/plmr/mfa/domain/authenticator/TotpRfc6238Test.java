package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6238 Appendix B, all 18 rows. The appendix text names one seed for all modes, but its
 * reference code (Appendix A), and the errata filed against it, use a seed as long as each HMAC
 * output: 20, 32 and 64 bytes.
 */
class TotpRfc6238Test {

    private static final String SEED_SHA1 = "12345678901234567890";
    private static final String SEED_SHA256 = "12345678901234567890123456789012";
    private static final String SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234";

    @ParameterizedTest(name = "{3} at {0}: T={1}, TOTP {2}")
    @CsvSource({
        "         59, 0000000000000001, 94287082, SHA1",
        "         59, 0000000000000001, 46119246, SHA256",
        "         59, 0000000000000001, 90693936, SHA512",
        " 1111111109, 00000000023523EC, 07081804, SHA1",
        " 1111111109, 00000000023523EC, 68084774, SHA256",
        " 1111111109, 00000000023523EC, 25091201, SHA512",
        " 1111111111, 00000000023523ED, 14050471, SHA1",
        " 1111111111, 00000000023523ED, 67062674, SHA256",
        " 1111111111, 00000000023523ED, 99943326, SHA512",
        " 1234567890, 000000000273EF07, 89005924, SHA1",
        " 1234567890, 000000000273EF07, 91819424, SHA256",
        " 1234567890, 000000000273EF07, 93441116, SHA512",
        " 2000000000, 0000000003F940AA, 69279037, SHA1",
        " 2000000000, 0000000003F940AA, 90698825, SHA256",
        " 2000000000, 0000000003F940AA, 38618901, SHA512",
        "20000000000, 0000000027BC86AA, 65353130, SHA1",
        "20000000000, 0000000027BC86AA, 77737706, SHA256",
        "20000000000, 0000000027BC86AA, 47863826, SHA512",
    })
    void matches_rfc_6238_appendix_b(
            long epochSeconds, String stepHex, String expectedCode, HmacAlgorithm algorithm) {
        Totp totp = new Totp(new TotpParameters(algorithm, 8, Duration.ofSeconds(30), 1));
        TotpSecret seed = seedFor(algorithm);
        Instant now = Instant.ofEpochSecond(epochSeconds);

        long step = totp.timeStep(now);

        assertThat(step).isEqualTo(Long.parseUnsignedLong(stepHex, 16));
        assertThat(String.format("%016X", step)).isEqualTo(stepHex);
        assertThat(totp.codeAt(seed, step)).isEqualTo(expectedCode);
        assertThat(Hotp.generate(seed, step, algorithm, 8)).isEqualTo(expectedCode);
        assertThat(totp.verify(seed, expectedCode, now, Totp.NEVER))
                .isEqualTo(new TotpCheck.Accepted(step));
    }

    private static TotpSecret seedFor(HmacAlgorithm algorithm) {
        String seed = switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
        assertThat(seed).hasSize(algorithm.recommendedSecretBytes());
        return TotpSecret.of(seed.getBytes(StandardCharsets.US_ASCII));
    }
}
