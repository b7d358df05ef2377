package com.plmr.mfa.domain.abuse;

import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AbusePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:17:42Z");
    private final AbusePolicy policy = AbusePolicy.defaults();

    @Test
    void a_send_draws_on_the_destination_hour_and_day_and_the_user_hour_in_fixed_utc_windows() {
        List<SendQuota> quotas = policy.sendQuotas(new UserId("u-1"), "pseudo", Optional.empty(), NOW);

        assertThat(quotas).containsExactly(
                new SendQuota("d:pseudo", Instant.parse("2026-11-23T10:00:00Z"), Duration.ofHours(1), 10),
                new SendQuota("d:pseudo", Instant.parse("2026-11-23T00:00:00Z"), Duration.ofDays(1), 20),
                new SendQuota("u:u-1", Instant.parse("2026-11-23T10:00:00Z"), Duration.ofHours(1), 20));
    }

    @Test
    void an_sms_also_draws_on_the_hour_of_its_number_range() {
        List<SendQuota> quotas = policy.sendQuotas(new UserId("u-1"), "pseudo", Optional.of("range"), NOW);

        assertThat(quotas).hasSize(4).last()
                .isEqualTo(new SendQuota("r:range", Instant.parse("2026-11-23T10:00:00Z"), Duration.ofHours(1), 30));
    }

    @Test
    void a_spent_quota_may_be_retried_when_its_window_ends() {
        List<SendQuota> quotas = policy.sendQuotas(new UserId("u-1"), "pseudo", Optional.empty(), NOW);

        assertThat(quotas.get(0).retryAfter(NOW)).isEqualTo(Duration.ofMinutes(42).plusSeconds(18));
        assertThat(quotas.get(1).retryAfter(NOW)).isEqualTo(Duration.ofHours(13).plusMinutes(42).plusSeconds(18));
    }

    @Test
    void the_same_instant_on_two_instances_names_the_same_counter() {
        assertThat(policy.sendQuotas(new UserId("u-1"), "p", Optional.empty(), NOW))
                .isEqualTo(policy.sendQuotas(new UserId("u-1"), "p", Optional.empty(), NOW.plusSeconds(60)));
        assertThat(policy.sendQuotas(new UserId("u-1"), "p", Optional.empty(),
                Instant.parse("2026-11-23T11:00:00Z")).get(0).windowStart())
                .isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
    }

    @ParameterizedTest(name = "{0} failures in a row lock verifies for {1}")
    @CsvSource({"1, PT0S", "19, PT0S", "20, PT15M", "21, PT30M", "22, PT1H", "26, PT16H", "27, PT24H", "100, PT24H",
            "2147483647, PT24H"})
    void verifies_pause_at_the_maximum_and_the_pause_doubles_with_every_further_failure(int failures, Duration lock) {
        assertThat(policy.lockFor(failures)).isEqualTo(lock);
    }

    @Test
    void the_failure_maximum_never_exceeds_the_nist_ceiling_of_100() {
        assertThatThrownBy(() -> new AbusePolicy(policy.destinationPerHour(), policy.destinationPerDay(),
                policy.userPerHour(), policy.rangePerHour(), 101, Duration.ofMinutes(15), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NIST");
        assertThatThrownBy(() -> new AbusePolicy(policy.destinationPerHour(), policy.destinationPerDay(),
                policy.userPerHour(), policy.rangePerHour(), 0, Duration.ofMinutes(15), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windows_must_divide_a_day_so_every_instance_agrees_on_their_start() {
        assertThatThrownBy(() -> new AbusePolicy.Limit(5, Duration.ofMinutes(7)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AbusePolicy.Limit(0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AbusePolicy.Limit(5, Duration.ofMinutes(15)).window()).isEqualTo(Duration.ofMinutes(15));
    }
}
