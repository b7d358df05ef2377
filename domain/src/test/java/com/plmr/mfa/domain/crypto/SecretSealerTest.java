package com.plmr.mfa.domain.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretSealerTest {

    static final byte[] OLD_KEY = key(1);
    static final byte[] NEW_KEY = key(2);
    static final byte[] SECRET = "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_sealed_secret_opens_with_the_same_purpose_and_hides_its_content() {
        SecretSealer sealer = new SecretSealer(Map.of("k1", OLD_KEY), "k1", new Random(1));
        SealedSecret sealed = sealer.seal(SECRET, "totp:r1");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("JBSWY3DP");
        assertThat(sealer.open(sealed, "totp:r1")).isEqualTo(SECRET);
    }

    @Test
    void a_ciphertext_moved_to_another_owner_does_not_open() {
        SecretSealer sealer = new SecretSealer(Map.of("k1", OLD_KEY), "k1", new Random(1));
        SealedSecret sealed = sealer.seal(SECRET, "totp:r1");
        assertThatThrownBy(() -> sealer.open(sealed, "totp:r2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void after_a_rotation_new_secrets_use_the_new_key_and_old_ones_still_open() {
        SealedSecret old = new SecretSealer(Map.of("k1", OLD_KEY), "k1", new Random(1)).seal(SECRET, "totp:r1");
        SecretSealer rotated = new SecretSealer(Map.of("k1", OLD_KEY, "k2", NEW_KEY), "k2", new Random(2));
        assertThat(rotated.seal(SECRET, "totp:r2").keyId()).isEqualTo("k2");
        assertThat(rotated.open(old, "totp:r1")).isEqualTo(SECRET);
    }

    @Test
    void a_tampered_ciphertext_is_refused() {
        SecretSealer sealer = new SecretSealer(Map.of("k1", OLD_KEY), "k1", new Random(1));
        byte[] bytes = sealer.seal(SECRET, "a").ciphertext();
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> sealer.open(new SealedSecret("k1", bytes), "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keys_must_be_256_bits_and_the_active_one_known() {
        assertThatThrownBy(() -> new SecretSealer(Map.of("k1", new byte[16]), "k1", new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretSealer(Map.of("k1", OLD_KEY), "k9", new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }
}
