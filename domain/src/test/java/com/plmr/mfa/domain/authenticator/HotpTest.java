package com.plmr.mfa.domain.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4226 Appendix D, both tables, plus the digit range and the counter encoding. */
class HotpTest {

    private static final TotpSecret RFC_SECRET =
            TotpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest(name = "count {0}: HOTP {4}")
    @CsvSource({
        "0, cc93cf18508d94934c64b65d8ba7667fb7cde4b0, 4c93cf18, 1284755224, 755224",
        "1, 75a48a19d4cbe100644e8ac1397eea747a2d33ab, 41397eea, 1094287082, 287082",
        "2, 0bacb7fa082fef30782211938bc1c5e70416ff44, 082fef30,  137359152, 359152",
        "3, 66c28227d03a2d5529262ff016a1e6ef76557ece, 66ef7655, 1726969429, 969429",
        "4, a904c900a64b35909874b33e61c5938a8e15ed1c, 61c5938a, 1640338314, 338314",
        "5, a37e783d7b7233c083d4f62926c7a25f238d0316, 33c083d4,  868254676, 254676",
        "6, bc9cd28561042c83f219324d3c607256c03272ae, 7256c032, 1918287922, 287922",
        "7, a4fb960c0bc06e1eabb804e5b397cdc4b45596fa, 04e5b397,   82162583, 162583",
        "8, 1b3c89f65e6c9e883012052823443f048b4332db, 2823443f,  673399871, 399871",
        "9, 1637409809a679dc698207310c8c7fc07290d9e5, 2679dc69,  645520489, 520489",
    })
    void matches_rfc_4226_appendix_d(
            long count, String hmacHex, String truncatedHex, int truncatedDecimal, String hotp) {
        byte[] hmac = HexFormat.of().parseHex(hmacHex);

        assertThat(OtpMac.dynamicTruncation(hmac))
                .isEqualTo(truncatedDecimal)
                .isEqualTo(Integer.parseInt(truncatedHex, 16));
        assertThat(OtpMac.keyedWith(RFC_SECRET, HmacAlgorithm.SHA1).truncatedValue(count))
                .isEqualTo(truncatedDecimal);
        assertThat(Hotp.generate(RFC_SECRET, count, HmacAlgorithm.SHA1, 6)).isEqualTo(hotp);
    }

    @ParameterizedTest(name = "count {0}, {2} digits")
    @CsvSource({
        "0, 1284755224, 7", "0, 1284755224, 8", "0, 1284755224, 9",
        "7,   82162583, 7", "7,   82162583, 8", "7,   82162583, 9",
        "2,  137359152, 9",
    })
    void longer_codes_are_the_zero_padded_low_digits_of_the_truncated_value(
            long count, String truncatedDecimal, int digits) {
        int length = truncatedDecimal.length();
        String lowDigits = truncatedDecimal.substring(Math.max(0, length - digits));
        String expected = "0".repeat(digits - lowDigits.length()) + lowDigits;

        assertThat(Hotp.generate(RFC_SECRET, count, HmacAlgorithm.SHA1, digits))
                .hasSize(digits)
                .isEqualTo(expected);
    }

    @Test
    void one_keyed_mac_computes_any_sequence_of_counters() {
        String[] table = {"755224", "287082", "359152", "969429", "338314",
            "254676", "287922", "162583", "399871", "520489"};
        OtpMac mac = OtpMac.keyedWith(RFC_SECRET, HmacAlgorithm.SHA1);

        for (int count = table.length - 1; count >= 0; count--) {
            assertThat(mac.code(count, 6)).as("count %d, down", count).isEqualTo(table[count]);
        }
        for (int count = 0; count < table.length; count++) {
            assertThat(mac.code(count, 6)).as("count %d, up", count).isEqualTo(table[count]);
        }
    }

    @Test
    void the_counter_is_all_eight_bytes_big_endian() {
        long high = 1L << 32;

        assertThat(Hotp.generate(RFC_SECRET, high, HmacAlgorithm.SHA1, 6))
                .isNotEqualTo(Hotp.generate(RFC_SECRET, 0, HmacAlgorithm.SHA1, 6));
        assertThat(Hotp.generate(RFC_SECRET, Long.MIN_VALUE, HmacAlgorithm.SHA1, 6))
                .isNotEqualTo(Hotp.generate(RFC_SECRET, 0, HmacAlgorithm.SHA1, 6))
                .containsOnlyDigits();
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 5, 10, 11})
    void rejects_a_code_length_outside_six_to_nine(int digits) {
        assertThatThrownBy(() -> Hotp.generate(RFC_SECRET, 0, HmacAlgorithm.SHA1, digits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits");
    }
}
