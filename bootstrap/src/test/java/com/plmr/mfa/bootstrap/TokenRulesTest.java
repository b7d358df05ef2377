package com.plmr.mfa.bootstrap;

import com.plmr.mfa.domain.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token settings are parsed once at start-up; a key or URL the service cannot use stops the start. */
class TokenRulesTest {

    @Test
    void rsa_keys_of_2048_bits_and_p256_keys_are_accepted() throws GeneralSecurityException {
        PublicKey rsa = rsa(2048);
        PublicKey ec = ec("secp256r1");

        assertThat(TokenRules.publicKey(pem(rsa))).isEqualTo(rsa);
        assertThat(TokenRules.publicKey(pem(ec))).isEqualTo(ec);
    }

    @Test
    void short_rsa_keys_and_other_curves_are_refused_naming_what_is_accepted() throws GeneralSecurityException {
        for (PublicKey weakOrUnusable : new PublicKey[] {rsa(1024), ec("secp384r1")}) {
            assertThatThrownBy(() -> TokenRules.publicKey(pem(weakOrUnusable)))
                    .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("publicKey"))
                    .hasMessageEndingWith("RSA of at least 2048 bits or EC P-256");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://idp.example.com/jwks", "idp.example.com/jwks", "https:///jwks", "http://a b"})
    void a_jwks_url_must_be_absolute_http(String url) {
        assertThatThrownBy(() -> TokenRules.of(url, "RSA", "", "", "", Duration.ZERO))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("jwksUrl"));
    }

    @Test
    void empty_settings_mean_not_configured() {
        TokenRules rules = TokenRules.of(" ", "rsa", "", "", "", Duration.ofSeconds(60));

        assertThat(rules.jwksUrl()).isEmpty();
        assertThat(rules.jwksKeyType()).isEqualTo("RSA");
        assertThat(rules.publicKey()).isEmpty();
        assertThat(rules.issuer()).isEmpty();
        assertThat(rules.audience()).isEmpty();
    }

    private static PublicKey rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair().getPublic();
    }

    private static PublicKey ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair().getPublic();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
