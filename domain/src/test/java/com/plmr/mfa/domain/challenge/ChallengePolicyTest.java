package com.plmr.mfa.domain.challenge;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChallengePolicyTest {

    @Test
    void defaults_follow_the_anchors() {
        ChallengePolicy policy = ChallengePolicy.defaults();
        assertThat(policy.codeTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.digitsFor(ChallengeMethod.SMS)).isEqualTo(6);
        assertThat(policy.digitsFor(ChallengeMethod.EMAIL)).isEqualTo(8);
    }

    @Test
    void codes_may_not_live_longer_than_nist_allows() {
        assertThatThrownBy(() -> new ChallengePolicy(Duration.ofMinutes(30), Duration.ofMinutes(11), 5,
                Duration.ofSeconds(30), 5, 6, 8)).hasMessageContaining("NIST");
    }

    @Test
    void the_attempt_budget_never_exceeds_one_hundred() {
        assertThatThrownBy(() -> new ChallengePolicy(Duration.ofMinutes(10), Duration.ofMinutes(5), 101,
                Duration.ofSeconds(30), 5, 6, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codes_have_six_to_nine_digits() {
        assertThatThrownBy(() -> new ChallengePolicy(Duration.ofMinutes(10), Duration.ofMinutes(5), 5,
                Duration.ofSeconds(30), 5, 5, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
