package com.plmr.mfa.domain.challenge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The digest's test vectors, as docs/step-up-assertion.md lists them: each row is a context, its
 * RFC 8785 canonical text and the digest. The digests were computed independently with Node.js
 * ({@code JSON.stringify} over sorted members, {@code crypto.createHash('sha256')}, base64url).
 */
class OperationDigestTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                arguments(new StepUpContext("payment", "pay-8c1f2", null, "payment of EUR 40 to ACME"),
                        "{\"operation\":\"payment\",\"reference\":\"pay-8c1f2\",\"summary\":\"payment of EUR 40 to ACME\"}",
                        "sha256:QcDH3nzqBH-psxnuI0uRe3st6d1v-s5vZJKxKSh9-r4"),
                arguments(new StepUpContext("password-change", "pw-1", null, null),
                        "{\"operation\":\"password-change\",\"reference\":\"pw-1\"}",
                        "sha256:OIK_oyzS3EViuXdelR1Ni54m_g2nfuwe9KfGA2wOV3s"),
                arguments(new StepUpContext("payment", "pay-8c1f2",
                                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                "payment of EUR 40 to ACME"),
                        "{\"digest\":\"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                                + "\"operation\":\"payment\",\"reference\":\"pay-8c1f2\",\"summary\":\"payment of EUR 40 to ACME\"}",
                        "sha256:yvWgTmZHfUgOZxGHrTzBVoNppxJ7f2pweYspI16UZac"),
                arguments(new StepUpContext("zahlung", "überweisung-\uD83D\uDCB6", null, "Zahlung von 40,00 € an Müller & Söhne"),
                        "{\"operation\":\"zahlung\",\"reference\":\"überweisung-\uD83D\uDCB6\","
                                + "\"summary\":\"Zahlung von 40,00 € an Müller & Söhne\"}",
                        "sha256:R2FMoDb0yMFGjPmtvzjYEOlk9cB6e2w7IeMDYVTGg30"),
                arguments(new StepUpContext("payment", "a\"b\\c/d\n\t\u0001\u007f\u2028", null, "<script>"),
                        "{\"operation\":\"payment\",\"reference\":\"a\\\"b\\\\c/d\\n\\t\\u0001\u007f\u2028\",\"summary\":\"<script>\"}",
                        "sha256:rHc6_5mbiSX6_nyqT5FSUHm-F1i3qLLtSEe_R_z1yMA"),
                arguments(new StepUpContext("payment", "lone-\uD800-surrogate", null, null),
                        "{\"operation\":\"payment\",\"reference\":\"lone-\\ud800-surrogate\"}",
                        "sha256:HbO9ZM72S6QQF1y6O08MXEmmabs1tS9sXw0SgM-Tut0"),
                arguments(new StepUpContext("payment", "pay-9d3e1", null, "Rechnung INV-2026-0042",
                                new TransactionDetails("payment_initiation", Amount.of("1234.5", "EUR"),
                                        new Payee("ACME GmbH", "DE89 **** **** **** **** 00"), "INV-2026-0042")),
                        "{\"operation\":\"payment\",\"reference\":\"pay-9d3e1\",\"summary\":\"Rechnung INV-2026-0042\","
                                + "\"transaction\":{\"amount\":{\"currency\":\"EUR\",\"value\":\"1234.50\"},"
                                + "\"payee\":{\"account\":\"DE89 **** **** **** **** 00\",\"name\":\"ACME GmbH\"},"
                                + "\"reference\":\"INV-2026-0042\",\"type\":\"payment_initiation\"}}",
                        "sha256:lEX1iKJC8aav56HPkbsrBjdkXFZO7Kt_IdQGJK-n-h4"));
    }

    @ParameterizedTest(name = "vector {index}: {2}")
    @MethodSource("vectors")
    void hashes_the_canonical_json_of_the_context_to_the_published_vector(StepUpContext context, String canonical,
                                                                          String digest) {
        assertThat(OperationDigest.canonicalForm(context)).isEqualTo(canonical);
        assertThat(OperationDigest.of(context).text()).isEqualTo(digest).hasSize(50);
    }

    @Test
    void sorts_member_names_by_utf16_code_units_as_rfc_8785_section_3_2_3_shows() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("\u20ac", "Euro Sign");
        members.put("\r", "Carriage Return");
        members.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        members.put("1", "One");
        members.put("\ud83d\ude00", "Emoji: Grinning Face");
        members.put("\u0080", "Control");
        members.put("\u00f6", "Latin Small Letter O With Diaeresis");

        assertThat(CanonicalJson.write(members)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
                + "\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void writes_nested_objects_and_arrays_sorted_and_leaves_out_absent_members() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", "payment");
        details.put("amount", Map.of("value", "40.00", "currency", "EUR"));
        details.put("payee", Map.of("name", "ACME GmbH", "maskedAccount", "DE** **** 1234"));
        details.put("tags", List.of("a", true, Map.of("z", "1", "a", "2")));
        details.put("reference", null);

        assertThat(CanonicalJson.write(details)).isEqualTo("{\"amount\":{\"currency\":\"EUR\",\"value\":\"40.00\"},"
                + "\"payee\":{\"maskedAccount\":\"DE** **** 1234\",\"name\":\"ACME GmbH\"},"
                + "\"tags\":[\"a\",true,{\"a\":\"2\",\"z\":\"1\"}],\"type\":\"payment\"}");
    }

    @Test
    void the_members_are_the_context_as_the_api_shows_it_without_its_absent_ones() {
        assertThat(OperationDigest.members(new StepUpContext("payment", "pay-1", null, "EUR 40 to ACME")))
                .containsExactly(Map.entry("operation", "payment"), Map.entry("reference", "pay-1"),
                        Map.entry("summary", "EUR 40 to ACME"));
    }

    @Test
    void refuses_numbers_so_that_amounts_stay_decimal_strings() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("value", 40.1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_context_that_differs_in_one_member_or_in_its_presence_has_another_digest() {
        StepUpContext payment = new StepUpContext("payment", "pay-1", null, "EUR 40 to ACME");

        assertThat(OperationDigest.of(payment))
                .isEqualTo(OperationDigest.of(new StepUpContext("payment", "pay-1", null, "EUR 40 to ACME")))
                .isNotEqualTo(OperationDigest.of(new StepUpContext("payment", "pay-1", null, "EUR 41 to ACME")))
                .isNotEqualTo(OperationDigest.of(new StepUpContext("payment", "pay-1", null, null)))
                .isNotEqualTo(OperationDigest.of(new StepUpContext("payment", "pay-1", "", "EUR 40 to ACME")));
    }
}
