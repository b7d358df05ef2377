package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading Key URIs this service did not write, and refusing the ones it cannot trust. */
class OtpauthUriReaderTest {

    private static final TotpSecret RFC_SECRET =
            TotpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final String RFC_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final String GOOD = "otpauth://totp/ACME:alice?secret=" + RFC_BASE32;

    @Test
    void parses_uris_written_by_other_issuers() {
        OtpauthUri parsed = OtpauthUriReader.parse("OTPAUTH://TOTP/Example%3A%20alice%40google.com?"
                + "image=https%3A%2F%2Fexample.com%2Flogo.png"
                + "&secret=gezdgnbvgy3tqojqgezdgnbvgy3tqojq"
                + "&issuer=Example&algorithm=sha1&");

        assertThat(parsed.issuer()).isEqualTo("Example");
        assertThat(parsed.accountName()).isEqualTo("alice@google.com");
        assertThat(parsed.secret()).isEqualTo(RFC_SECRET);
        assertThat(parsed.parameters()).isEqualTo(TotpParameters.defaults());
    }

    @Test
    void takes_the_issuer_from_the_parameter_when_the_label_has_none() {
        OtpauthUri parsed = OtpauthUriReader.parse(
                "otpauth://totp/alice?secret=" + RFC_BASE32 + "&issuer=ACME&digits=8&period=60");

        assertThat(parsed.issuer()).isEqualTo("ACME");
        assertThat(parsed.accountName()).isEqualTo("alice");
        assertThat(parsed.parameters().digits()).isEqualTo(8);
        assertThat(parsed.parameters().period()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void the_valid_uri_the_rejections_below_start_from_parses() {
        assertThat(OtpauthUriReader.parse(GOOD).secret()).isEqualTo(RFC_SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://totp/ACME:alice?secret=" + RFC_BASE32,
        "otpauth://hotp/ACME:alice?secret=" + RFC_BASE32 + "&counter=0",
        "otpauth://totp/ACME:alice",
        "otpauth://totp?secret=" + RFC_BASE32,
        "otpauth://totp/ACME:alice?issuer=ACME",
        "otpauth://totp/alice?secret=" + RFC_BASE32,
        GOOD + "&issuer=Other",
        GOOD + "&secret=" + RFC_BASE32,
        "otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP",
        GOOD + "1",
        GOOD + "&algorithm=MD5",
        GOOD + "&digits=five",
        GOOD + "&digits=10",
        GOOD + "&digits=99999999999999999999",
        GOOD + "&period=0",
        GOOD + "&period=-30",
        GOOD + "&flag",
        "otpauth://totp/ACME%3:alice?secret=" + RFC_BASE32,
        "otpauth://totp/ACME:%FF?secret=" + RFC_BASE32,
        "otpauth://totp/ACME:al ice?secret=" + RFC_BASE32,
        "otpauth://totp/ACME:ali©e?secret=" + RFC_BASE32,
        "otpauth://totp/ACME:?secret=" + RFC_BASE32,
        "otpauth://totp/ACME:a:b?secret=" + RFC_BASE32,
    })
    void rejects_what_is_not_a_valid_totp_key_uri(String uri) {
        assertThatIllegalArgumentException().isThrownBy(() -> OtpauthUriReader.parse(uri));
    }

    @Test
    void error_messages_do_not_quote_the_secret() {
        String uri = GOOD + "&secret=" + RFC_BASE32;

        assertThatIllegalArgumentException()
                .isThrownBy(() -> OtpauthUriReader.parse(uri))
                .withMessageNotContaining(RFC_BASE32.substring(0, 8));
    }
}
