package com.plmr.mfa.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4648 §6 base32, tested with the §10 vectors. */
class Base32Test {

    @ParameterizedTest(name = "BASE32(\"{0}\") = \"{1}\"")
    @CsvSource({
        "'',       '',                 ''",
        "f,        MY======,           MY",
        "fo,       MZXQ====,           MZXQ",
        "foo,      MZXW6===,           MZXW6",
        "foob,     MZXW6YQ=,           MZXW6YQ",
        "fooba,    MZXW6YTB,           MZXW6YTB",
        "foobar,   MZXW6YTBOI======,   MZXW6YTBOI",
    })
    void matches_rfc_4648_section_10(String plain, String padded, String unpadded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(unpadded);
        assertThat(Base32Decoding.decode(padded)).isEqualTo(bytes);
        assertThat(Base32Decoding.decode(unpadded)).isEqualTo(bytes);
        assertThat(Base32Decoding.decode(padded.toLowerCase(Locale.ROOT))).isEqualTo(bytes);
    }

    @Test
    void decodes_text_as_people_type_it() {
        byte[] foobar = "foobar".getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32Decoding.decode("mzxw 6ytb oi")).isEqualTo(foobar);
        assertThat(Base32Decoding.decode(" MzXw6YtBoI== ==== ")).isEqualTo(foobar);
    }

    @Test
    void encodes_the_rfc_4226_secret_as_authenticator_apps_show_it() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(secret)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"MZXW6YT1", "MZXW6YT0", "MZXW6YT8", "MZXW6YT9", "MZXW6YT!",
        "MZXW6YT\u00C9", "MZXW-6YTB", "MZXW6YTB\t", "MZ=XW6YTB"})
    void rejects_characters_outside_the_alphabet_or_padding_before_the_end(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Base32Decoding.decode(text));
    }

    @ParameterizedTest(name = "{0} symbols")
    @ValueSource(strings = {"M", "MZX", "MZXW6Y", "MZXW6YTBO"})
    void rejects_lengths_no_encoding_produces(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32Decoding.decode(text))
                .withMessageContaining("length");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"MZ", "MZXR", "MZXW7", "MZXW6YR"})
    void rejects_non_zero_pad_bits_which_betray_a_wrong_last_character(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32Decoding.decode(text))
                .withMessageContaining("pad bits");
    }

    @Test
    void round_trips_every_length_up_to_one_hundred_bytes() {
        Random random = new Random(4648);
        for (int length = 0; length <= 100; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);

            String encoded = Base32.encode(bytes);

            assertThat(encoded).matches("[A-Z2-7]*").hasSize((length * 8 + 4) / 5);
            assertThat(Base32Decoding.decode(encoded)).as("length %d", length).isEqualTo(bytes);
        }
    }

    @Test
    void error_messages_do_not_quote_the_input() {
        String secretLike = "JBSWY3DPEHPK3PX1";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32Decoding.decode(secretLike))
                .withMessageNotContaining(secretLike)
                .withMessageNotContaining("JBSW");
    }
}
