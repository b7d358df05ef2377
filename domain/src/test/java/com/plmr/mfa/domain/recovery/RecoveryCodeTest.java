package com.plmr.mfa.domain.recovery;

import com.plmr.mfa.domain.ParameterException;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryCodeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final UserId JANE = new UserId("jane");

    @Test
    void a_code_is_twelve_symbols_of_the_unambiguous_alphabet_shown_in_three_groups_of_four() {
        RecoveryCode code = RecoveryCode.random(new SecureRandom());

        assertThat(code.value()).hasSize(12).matches("[0-9a-hjkmnp-tv-z]{12}");
        assertThat(code.grouped()).matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}")
                .isEqualTo(code.value().substring(0, 4) + "-" + code.value().substring(4, 8) + "-"
                        + code.value().substring(8));
    }

    @Test
    void a_code_carries_at_least_fifty_bits() {
        assertThat(RecoveryCode.ALPHABET).hasSize(32).doesNotContain("i", "l", "o", "u");
        assertThat(RecoveryCode.ALPHABET.chars().distinct().count()).isEqualTo(32);
        assertThat(RecoveryCode.LENGTH * (Math.log(RecoveryCode.ALPHABET.length()) / Math.log(2)))
                .isGreaterThanOrEqualTo(50.0).isEqualTo(60.0);
    }

    /** 32,000 symbols from a seeded source: each of the 32 symbols near its share of 1,000. */
    @Test
    void every_symbol_is_drawn_about_equally_often() {
        Random random = new Random(42);
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 32_000 / RecoveryCode.LENGTH + 1; i++) {
            RecoveryCode.random(random).value().chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
        }
        assertThat(counts).hasSize(32);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7kq2-m9xd-4hvt", "7kq2m9xd4hvt", "7KQ2-M9XD-4HVT", " 7kq2 m9xd 4hvt ", "7kq2 - m9xd - 4hvt",
            "7Kq2--M9xd--4hVt"})
    void a_typed_code_is_read_without_regard_to_separators_or_case(String typed) {
        assertThat(RecoveryCode.parse(typed)).map(RecoveryCode::value).contains("7kq2m9xd4hvt");
    }

    @Test
    void look_alike_letters_are_read_as_the_digits_they_resemble() {
        assertThat(RecoveryCode.parse("O1k2-I9xd-L0vt")).map(RecoveryCode::value).contains("01k219xd10vt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7kq2-m9xd-4hv", "7kq2-m9xd-4hvtx", "7kq2-m9xd-4hvu", "7kq2_m9xd_4hvt", "7kq2-m9xd-4hv!",
            "7kq2-m9xd-4hvt-----------------------", "１kq2-m9xd-4hvt"})
    void a_text_that_cannot_be_a_code_is_refused(String typed) {
        assertThat(RecoveryCode.parse(typed)).isEmpty();
        assertThat(RecoveryCode.isWellFormed(typed)).isFalse();
    }

    @Test
    void a_code_never_shows_itself_in_its_text_form() {
        RecoveryCode code = RecoveryCode.parse("7kq2-m9xd-4hvt").orElseThrow();

        assertThat(code.toString()).doesNotContain("7kq2").doesNotContain("4hvt");
        assertThat(RecoveryCodeSet.generate(JANE, RecoveryCodePolicy.defaults(), new Random(1), NOW).toString())
                .doesNotContain(code.value().substring(0, 4)).contains("10 codes");
    }

    @Test
    void a_generated_set_has_the_policys_number_of_distinct_codes() {
        RecoveryCodeSet set = RecoveryCodeSet.generate(JANE, new RecoveryCodePolicy(12), new SecureRandom(), NOW);

        assertThat(set.codes()).hasSize(12).doesNotHaveDuplicates();
        assertThat(set.created()).isEqualTo(NOW);
        assertThat(RecoveryCodeSet.generate(JANE, RecoveryCodePolicy.defaults(), new SecureRandom(), NOW).codes())
                .hasSize(10);
    }

    @Test
    void a_source_that_repeats_a_code_still_gives_distinct_codes() {
        Random rest = new Random(5);
        RandomGenerator repeating = new RandomGenerator() {
            private int draws;

            @Override
            public long nextLong() {
                return rest.nextLong();
            }

            @Override
            public int nextInt(int bound) {
                // the first two codes come out equal, symbol by symbol
                return draws++ < 2 * RecoveryCode.LENGTH ? draws % RecoveryCode.LENGTH : rest.nextInt(bound);
            }
        };

        assertThat(RecoveryCodeSet.generate(JANE, new RecoveryCodePolicy(3), repeating, NOW).codes())
                .hasSize(3).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 21})
    void the_policy_refuses_a_number_of_codes_out_of_range(int codes) {
        assertThatThrownBy(() -> new RecoveryCodePolicy(codes)).isInstanceOf(ParameterException.class)
                .hasMessageContaining("1 to 20");
    }

    @Test
    void a_summary_keeps_remaining_within_what_was_generated() {
        assertThat(new RecoveryCodeSummary(0, 10, NOW, Optional.of(NOW.plusSeconds(5))).anyLeft()).isFalse();
        assertThat(new RecoveryCodeSummary(3, 10, NOW, Optional.empty()).changed()).isEqualTo(NOW);
        assertThatThrownBy(() -> new RecoveryCodeSummary(11, 10, NOW, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
