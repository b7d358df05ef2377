package com.plmr.mfa.adapter.out.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Gsm7Test {

    @Test
    void the_basic_set_has_127_printable_characters_without_duplicates() {
        assertThat(Gsm7.BASIC_SET).hasSize(127);
        assertThat(Gsm7.BASIC_SET.chars().distinct().count()).isEqualTo(127);
        assertThat(Gsm7.EXTENSION_SET.chars().filter(c -> Gsm7.BASIC_SET.indexOf(c) >= 0)).isEmpty();
    }

    @Test
    void german_umlauts_and_sharp_s_are_single_septets() {
        assertThat("äöüÄÖÜß".chars().map(c -> Gsm7.septets((char) c))).containsOnly(1);
        assertThat(Gsm7.count("Gültig 5 Minuten. Größe: Maß")).isEqualTo(new Gsm7.Count(Gsm7.Encoding.GSM7, 28, 1));
    }

    @Test
    void extension_characters_take_two_septets() {
        assertThat(Gsm7.count("€[]{}|^~\\")).isEqualTo(new Gsm7.Count(Gsm7.Encoding.GSM7, 18, 1));
    }

    @Test
    void characters_outside_gsm7_force_ucs2() {
        assertThat(Gsm7.isGsm7("Zahlung an Łódź")).isFalse();
        assertThat(Gsm7.isGsm7("â")).isFalse();
        assertThat(Gsm7.isGsm7("`")).isFalse();
        assertThat(Gsm7.count("ok 👍")).isEqualTo(new Gsm7.Count(Gsm7.Encoding.UCS2, 5, 1));
    }

    @Test
    void one_segment_holds_160_septets_and_longer_texts_use_153_per_segment() {
        assertThat(Gsm7.count("a".repeat(160)).segments()).isEqualTo(1);
        assertThat(Gsm7.count("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(Gsm7.count("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(Gsm7.count("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(Gsm7.fitsOneGsm7Segment("a".repeat(160))).isTrue();
        assertThat(Gsm7.fitsOneGsm7Segment("a".repeat(159) + "€")).isFalse();
    }

    @Test
    void an_escape_sequence_is_never_split_across_segments() {
        // 152 septets, then "€" (2 septets) does not fit the first 153-septet segment
        Gsm7.Count count = Gsm7.count("a".repeat(152) + "€" + "a".repeat(10));
        assertThat(count.units()).isEqualTo(164);
        assertThat(count.segments()).isEqualTo(2);
        assertThat(Gsm7.count("a".repeat(152) + "€" + "a".repeat(152)).segments()).isEqualTo(3);
    }

    @Test
    void ucs2_holds_70_units_in_one_segment_and_67_per_segment_beyond() {
        assertThat(Gsm7.count("ł".repeat(70)).segments()).isEqualTo(1);
        assertThat(Gsm7.count("ł".repeat(71)).segments()).isEqualTo(2);
        assertThat(Gsm7.count("ł".repeat(134)).segments()).isEqualTo(2);
        assertThat(Gsm7.count("ł".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void a_surrogate_pair_is_never_split_across_ucs2_segments() {
        // 134 units would fit two segments of 67 only by cutting the emoji in half
        Gsm7.Count count = Gsm7.count("ł".repeat(66) + "👍" + "ł".repeat(66));
        assertThat(count.units()).isEqualTo(134);
        assertThat(count.segments()).isEqualTo(3);
    }

    @Test
    void transliteration_keeps_gsm7_letters_and_gives_the_others_their_bare_letter() {
        assertThat(Gsm7.transliterate("Łódź, Kraków, Třeboň, São Paulo, Ærøskøbing, Straße, Çà va, façade"))
                .isEqualTo("Lodz, Krakow, Trebon, Sao Paulo, Ærøskøbing, Straße, Çà va, facade");
    }

    @Test
    void transliteration_gives_typography_its_gsm7_look_alike_and_anything_else_a_question_mark() {
        assertThat(Gsm7.transliterate("„Miete“ – 2’000\u00A0CHF… ₹ 東京 😀"))
                .isEqualTo("\"Miete\" - 2'000 CHF... ? ?? ?");
        assertThat(Gsm7.isGsm7(Gsm7.transliterate("anything ⟨at⟩ all ✓"))).isTrue();
    }

    @Test
    void look_alikes_replace_typography_only() {
        assertThat(Gsm7.lookAlikes("1\u202F234\u00A0€ – Łódź")).isEqualTo("1 234 € - Łódź");
    }
}
