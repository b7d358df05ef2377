package com.plmr.mfa.bootstrap;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.plmr.mfa.domain.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assertion keys as operators write them with openssl, and what is refused. */
class AssertionKeyRingTest {

    @Test
    void reads_an_openssl_key_and_names_it_by_the_thumbprint_an_independent_implementation_computes() {
        AssertionKeyRing ring = AssertionKeyRing.of(TestAssertionKeys.example(), false);

        assertThat(ring.keys()).singleElement().satisfies(key -> {
            assertThat(key.kid()).isEqualTo(TestAssertionKeys.EXAMPLE_KID);
            assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(key.publicKey().getW()
                    .getAffineX().toByteArray()))).isEqualTo("Qk3blyba6Z1_SKFvLm4v4XvOdtUhWy8kgBXFQ4sRLOE");
        });
    }

    @Test
    void derives_the_same_public_key_when_the_pem_does_not_carry_it() {
        AssertionKeyRing ring = AssertionKeyRing.of(TestAssertionKeys.read("example-p256-without-public-key.pem"), false);

        assertThat(ring.signing().kid()).isEqualTo(TestAssertionKeys.EXAMPLE_KID);
        assertThat(ring.signing().publicKey()).isEqualTo(AssertionKeyRing.of(TestAssertionKeys.example(), false)
                .signing().publicKey());
    }

    @Test
    void the_first_key_signs_and_every_key_is_published() throws Exception {
        AssertionKeyRing ring = AssertionKeyRing.of(TestAssertionKeys.second() + "\n" + TestAssertionKeys.example(), false);
        JwsAssertionSigner signer = new JwsAssertionSigner(ring);

        assertThat(signer.publishedKeys()).extracting(key -> key.kid())
                .containsExactly(TestAssertionKeys.SECOND_KID, TestAssertionKeys.EXAMPLE_KID);
        SignedJWT jwt = SignedJWT.parse(signer.sign(StepUpAssertions.sample()));
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(TestAssertionKeys.SECOND_KID);
        assertThat(jwt.verify(new ECDSAVerifier(ring.keys().get(0).publicKey()))).isTrue();
        assertThat(jwt.verify(new ECDSAVerifier(ring.keys().get(1).publicKey()))).isFalse();
    }

    @Test
    void reads_line_breaks_written_as_backslash_n_in_a_one_line_variable() {
        String oneLine = TestAssertionKeys.example().replace("\n", "\\n");

        assertThat(AssertionKeyRing.of(oneLine, false).signing().kid()).isEqualTo(TestAssertionKeys.EXAMPLE_KID);
    }

    @Test
    void generates_a_key_only_where_development_keys_are_allowed() {
        assertThat(AssertionKeyRing.of("", true).keys()).hasSize(1);
        assertThatThrownBy(() -> AssertionKeyRing.of(" ", false)).isInstanceOfSatisfying(ParameterException.class,
                e -> assertThat(e.requirement()).contains("generated only in the dev and test environments"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"p384.pem", "rsa-2048.pem"})
    void refuses_a_key_that_is_not_p256(String file) {
        assertThatThrownBy(() -> AssertionKeyRing.of(TestAssertionKeys.read(file), false))
                .isInstanceOf(ParameterException.class).hasMessageContaining("P-256 private keys as PEM");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-----BEGIN PRIVATE KEY-----AAAA-----END PRIVATE KEY-----", "not a key",
        "-----BEGIN PUBLIC KEY-----AAAA-----END PUBLIC KEY-----"})
    void refuses_text_that_is_no_private_key(String text) {
        assertThatThrownBy(() -> AssertionKeyRing.of(text, false)).isInstanceOf(ParameterException.class);
    }

    @Test
    void refuses_the_same_key_twice_and_text_between_keys() {
        String key = TestAssertionKeys.example();

        assertThatThrownBy(() -> AssertionKeyRing.of(key + key, false)).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> AssertionKeyRing.of(key + "junk\n" + TestAssertionKeys.second(), false))
                .isInstanceOf(ParameterException.class);
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length == 33 ? java.util.Arrays.copyOfRange(bytes, 1, 33) : bytes;
    }
}
