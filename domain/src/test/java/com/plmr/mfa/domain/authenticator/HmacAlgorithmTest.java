package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import javax.crypto.Mac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class HmacAlgorithmTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SHA1, HmacSHA1, 20", "SHA256, HmacSHA256, 32", "SHA512, HmacSHA512, 64"})
    void knows_its_names_and_recommended_secret_length(
            String otpauthName, String macName, int secretBytes) {
        HmacAlgorithm algorithm = HmacAlgorithm.fromOtpauthName(otpauthName);

        assertThat(algorithm.otpauthName()).isEqualTo(otpauthName);
        assertThat(algorithm.macName()).isEqualTo(macName);
        assertThat(algorithm.recommendedSecretBytes()).isEqualTo(secretBytes);
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void recommends_a_secret_as_long_as_the_hmac_output(HmacAlgorithm algorithm) throws Exception {
        assertThat(algorithm.recommendedSecretBytes())
                .isEqualTo(Mac.getInstance(algorithm.macName()).getMacLength())
                .isGreaterThanOrEqualTo(TotpSecret.MIN_BYTES);
    }

    @Test
    void reads_otpauth_names_in_any_case() {
        assertThat(HmacAlgorithm.fromOtpauthName("sha256")).isEqualTo(HmacAlgorithm.SHA256);
    }

    @Test
    void rejects_unknown_otpauth_names() {
        for (String name : new String[] {"MD5", "SHA-1", "HmacSHA1", "", null}) {
            assertThatIllegalArgumentException()
                    .as("%s", name)
                    .isThrownBy(() -> HmacAlgorithm.fromOtpauthName(name));
        }
    }
}
