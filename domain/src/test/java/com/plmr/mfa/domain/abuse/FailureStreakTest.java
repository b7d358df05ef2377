package com.plmr.mfa.domain.abuse;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FailureStreakTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final AbusePolicy policy = new AbusePolicy(new AbusePolicy.Limit(10, Duration.ofHours(1)),
            new AbusePolicy.Limit(20, Duration.ofDays(1)), new AbusePolicy.Limit(20, Duration.ofHours(1)),
            new AbusePolicy.Limit(30, Duration.ofHours(1)), 3, Duration.ofMinutes(15), Duration.ofHours(24));

    @Test
    void failures_below_the_maximum_do_not_pause_verifies() {
        FailureStreak streak = FailureStreak.none().failed(policy, NOW).failed(policy, NOW);

        assertThat(streak.failures()).isEqualTo(2);
        assertThat(streak.refusal(NOW)).isEmpty();
    }

    @Test
    void the_maximum_pauses_verifies_for_the_cool_down_and_no_longer() {
        FailureStreak streak = FailureStreak.none().failed(policy, NOW).failed(policy, NOW).failed(policy, NOW);

        assertThat(streak.refusal(NOW)).contains(Duration.ofMinutes(15));
        assertThat(streak.refusal(NOW.plus(Duration.ofMinutes(14)))).contains(Duration.ofMinutes(1));
        assertThat(streak.refusal(NOW.plus(Duration.ofMinutes(15)))).isEmpty();
    }

    @Test
    void one_more_failure_after_the_cool_down_pauses_twice_as_long() {
        Instant later = NOW.plus(Duration.ofMinutes(15));
        FailureStreak streak = new FailureStreak(3, NOW.plus(Duration.ofMinutes(15))).failed(policy, later);

        assertThat(streak.failures()).isEqualTo(4);
        assertThat(streak.refusal(later)).contains(Duration.ofMinutes(30));
    }

    @Test
    void no_streak_refuses_nothing() {
        assertThat(FailureStreak.none().refusal(NOW)).isEmpty();
    }
}
