package com.plmr.mfa.domain.challenge;

import com.plmr.mfa.domain.ParameterException;
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

    @Test
    void a_refusal_names_the_parameter_and_what_it_must_be_so_a_setting_can_be_named() {
        assertThatThrownBy(() -> new ChallengePolicy(Duration.ofMinutes(10), Duration.ofMinutes(20), 5,
                Duration.ofSeconds(30), 5, 6, 8))
                .isInstanceOfSatisfying(ParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("codeTtl");
                    assertThat(e.requirement()).isEqualTo("more than 0s and at most 10m (NIST SP 800-63B)");
                })
                .hasMessage("codeTtl must be more than 0s and at most 10m (NIST SP 800-63B)");
    }

    @Test
    void a_resend_cooldown_must_end_within_the_challenge() {
        assertThatThrownBy(() -> new ChallengePolicy(Duration.ofMinutes(10), Duration.ofMinutes(5), 5,
                Duration.ofMinutes(10), 5, 6, 8))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("resendCooldown"));
    }
}
