package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Writing Key URIs, and reading back what was written. */
class OtpauthUriTest {

    private static final TotpSecret RFC_SECRET =
            TotpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final String RFC_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void builds_the_key_uri_format() {
        OtpauthUri uri = new OtpauthUri("ACME", "alice", RFC_SECRET, TotpParameters.defaults());

        assertThat(uri.toUri()).isEqualTo("otpauth://totp/ACME:alice?secret=" + RFC_BASE32
                + "&issuer=ACME&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void percent_encodes_issuer_and_account_with_spaces_as_percent_twenty() {
        TotpParameters parameters =
                new TotpParameters(HmacAlgorithm.SHA512, 8, Duration.ofSeconds(60), 1);
        OtpauthUri uri =
                new OtpauthUri("Big Bank & Co", "jane doe+2fa@example.com", RFC_SECRET, parameters);

        String text = uri.toUri();

        assertThat(text)
                .startsWith("otpauth://totp/Big%20Bank%20%26%20Co:jane%20doe%2B2fa%40example.com?")
                .contains("&issuer=Big%20Bank%20%26%20Co&")
                .endsWith("&algorithm=SHA512&digits=8&period=60")
                .doesNotContain(" ")
                .doesNotContain("+");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "ACME            | alice@example.com",
        "Big Bank & Co   | jane doe+2fa@example.com",
        "Zürich Privé    | ünïcødé 名前 😀",
        "50% = a?b#c/d   | x=1&y=2;z,w!'()*~",
        "Trailing space. | %41 stays literal%",
    })
    void parses_back_what_it_builds(String issuer, String account) {
        SplittableRandom random = new SplittableRandom(issuer.hashCode());
        TotpSecret secret = TotpSecret.random(random, HmacAlgorithm.SHA256);
        TotpParameters parameters =
                new TotpParameters(HmacAlgorithm.SHA256, 7, Duration.ofSeconds(45), 1);
        OtpauthUri original = new OtpauthUri(issuer, account, secret, parameters);

        OtpauthUri parsed = OtpauthUriReader.parse(original.toUri());

        assertThat(parsed).isEqualTo(original);
        assertThat(parsed.secret().bytes()).isEqualTo(secret.bytes());
    }

    @Test
    void parsing_restores_the_default_window_which_the_uri_does_not_carry() {
        TotpParameters wide = new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), 4);
        OtpauthUri uri = new OtpauthUri("ACME", "alice", RFC_SECRET, wide);

        assertThat(OtpauthUriReader.parse(uri.toUri()).parameters()).isEqualTo(TotpParameters.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ACME:Corp"})
    void rejects_a_blank_issuer_or_account_or_one_with_a_colon(String bad) {
        TotpParameters defaults = TotpParameters.defaults();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OtpauthUri(bad, "alice", RFC_SECRET, defaults));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OtpauthUri("ACME", bad, RFC_SECRET, defaults));
    }

    @Test
    void to_string_masks_the_secret_that_the_uri_carries() {
        OtpauthUri uri = new OtpauthUri("ACME", "alice", RFC_SECRET, TotpParameters.defaults());

        assertThat(uri.toUri()).contains(RFC_BASE32);
        assertThat(uri.toString()).contains("ACME").doesNotContain(RFC_BASE32.substring(0, 8));
    }

    @Test
    void a_secret_shows_none_of_its_base32_text() {
        TotpSecret secret = TotpSecret.random(new SplittableRandom(5), HmacAlgorithm.SHA256);
        String base32 = Base32.encode(secret.bytes());

        assertThat(secret.toString())
                .doesNotContain(base32.substring(0, 8))
                .doesNotContain(base32.substring(base32.length() - 8));
    }
}
