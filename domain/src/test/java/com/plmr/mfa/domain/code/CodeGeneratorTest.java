package com.plmr.mfa.domain.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeGeneratorTest {

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 8, 9})
    void codes_have_the_requested_number_of_digits_with_leading_zeros_kept(int digits) {
        CodeGenerator generator = new CodeGenerator(new Random(42));
        for (int i = 0; i < 1000; i++) {
            assertThat(generator.generate(digits).digits()).hasSize(digits).containsOnlyDigits();
        }
    }

    @Test
    void codes_are_spread_over_the_whole_space() {
        CodeGenerator generator = new CodeGenerator(new Random(7));
        Set<Character> firstDigits = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            firstDigits.add(generator.generate(6).digits().charAt(0));
        }
        assertThat(firstDigits).hasSize(10);
    }

    @Test
    void lengths_outside_six_to_nine_are_refused() {
        assertThatThrownBy(() -> new CodeGenerator(new Random()).generate(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeGenerator(new Random()).generate(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
