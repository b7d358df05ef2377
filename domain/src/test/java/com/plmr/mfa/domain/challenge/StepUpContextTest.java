package com.plmr.mfa.domain.challenge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lengths are counted in characters (code points), like JSON Schema's maxLength in the spec. */
class StepUpContextTest {

    private static final String EMOJI = "\uD83D\uDCB6"; // one character, two UTF-16 units

    @Test
    void a_summary_of_80_emoji_is_80_characters_and_accepted() {
        String summary = EMOJI.repeat(80);

        assertThat(new StepUpContext("payment", "pay-1", null, summary).summary()).isEqualTo(summary);
    }

    @Test
    void a_summary_of_81_characters_is_refused() {
        assertThatThrownBy(() -> new StepUpContext("payment", "pay-1", null, EMOJI.repeat(81)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operation_and_reference_count_characters_too() {
        assertThat(new StepUpContext(EMOJI.repeat(64), EMOJI.repeat(128), EMOJI.repeat(128), null).operation())
                .hasSize(128);
        assertThatThrownBy(() -> new StepUpContext(EMOJI.repeat(65), "pay-1", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
