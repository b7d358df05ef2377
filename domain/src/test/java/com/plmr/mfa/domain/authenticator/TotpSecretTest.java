package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TotpSecretTest {

    private static final byte[] RFC_KEY =
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void random_secrets_have_the_recommended_length_of_their_algorithm(HmacAlgorithm algorithm) {
        TotpSecret secret = TotpSecret.random(new SplittableRandom(1), algorithm);

        assertThat(secret.length()).isEqualTo(algorithm.recommendedSecretBytes());
        assertThat(secret.bytes()).hasSize(algorithm.recommendedSecretBytes());
    }

    @Test
    void random_secrets_come_from_the_given_generator_only() {
        TotpSecret first = TotpSecret.random(new SplittableRandom(99), HmacAlgorithm.SHA1);
        TotpSecret again = TotpSecret.random(new SplittableRandom(99), HmacAlgorithm.SHA1);
        TotpSecret other = TotpSecret.random(new SplittableRandom(100), HmacAlgorithm.SHA1);

        assertThat(first).isEqualTo(again).hasSameHashCodeAs(again).isNotEqualTo(other);
    }

    @Test
    void accepts_sixteen_bytes_and_rejects_fewer() {
        assertThat(TotpSecret.of(new byte[16]).length()).isEqualTo(16);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TotpSecret.of(new byte[15]))
                .withMessageContaining("16");
    }

    @Test
    void copies_the_key_on_the_way_in_and_out() {
        byte[] key = RFC_KEY.clone();
        TotpSecret secret = TotpSecret.of(key);

        key[0] ^= 1;
        secret.bytes()[1] ^= 1;

        assertThat(secret.bytes()).isEqualTo(RFC_KEY);
    }

    @Test
    void equality_is_by_content() {
        TotpSecret secret = TotpSecret.of(RFC_KEY);
        byte[] changed = RFC_KEY.clone();
        changed[19] ^= 1;

        assertThat(secret)
                .isEqualTo(TotpSecret.of(RFC_KEY.clone()))
                .hasSameHashCodeAs(TotpSecret.of(RFC_KEY.clone()))
                .isNotEqualTo(TotpSecret.of(changed))
                .isNotEqualTo(RFC_KEY);
    }

    @Test
    void to_string_shows_no_key_material() {
        TotpSecret secret = TotpSecret.random(new SplittableRandom(5), HmacAlgorithm.SHA256);
        byte[] key = secret.bytes();

        String shown = secret.toString();

        assertThat(shown)
                .contains("32 bytes")
                .doesNotContain(Arrays.toString(key))
                .doesNotContainIgnoringCase(HexFormat.of().formatHex(key, 0, 4))
                .doesNotContain(new String(key, StandardCharsets.ISO_8859_1));
    }
}
