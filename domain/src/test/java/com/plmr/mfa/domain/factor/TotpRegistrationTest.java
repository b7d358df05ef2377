package com.plmr.mfa.domain.factor;

import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpRegistrationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TotpParameters PARAMETERS = TotpParameters.defaults();
    private static final TotpPolicy POLICY = new TotpPolicy("ACME", PARAMETERS, 3, Duration.ofMinutes(5));
    private static final SecretSealer SEALER =
            new SecretSealer(Map.of("k1", new byte[32]), "k1", new Random(1));
    private static final Totp TOTP = new Totp(PARAMETERS);

    private final TotpSecret secret = TotpSecret.random(new Random(7), HmacAlgorithm.SHA1);
    private final TotpRegistration started = TotpRegistration.start(new TotpRegistrationId("reg-1"),
            new UserId("jane"), PARAMETERS, "ACME", "jane@example.com", secret, SEALER, NOW);

    private String codeAt(Instant instant) {
        return TOTP.codeAt(secret, TOTP.timeStep(instant));
    }

    @Test
    void starts_unverified_with_no_accepted_step_and_a_sealed_secret() {
        assertThat(started.state()).isEqualTo(RegistrationState.UNVERIFIED);
        assertThat(started.lastAcceptedStep()).isEqualTo(Totp.NEVER);
        assertThat(started.secret().keyId()).isEqualTo("k1");
        assertThat(started.openSecret(SEALER)).isEqualTo(secret);
        assertThat(started.toString()).doesNotContainIgnoringCase(HexFormat.of().formatHex(secret.bytes()));
    }

    @Test
    void a_sealed_secret_does_not_open_under_another_registration_id() {
        TotpRegistration moved = new TotpRegistration(new TotpRegistrationId("reg-2"), started.userId(),
                started.state(), PARAMETERS, "ACME", "jane", started.secret(), Totp.NEVER, 0,
                started.lockedUntil(), NOW, NOW);

        assertThatThrownBy(() -> moved.openSecret(SEALER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_right_code_activates_and_records_its_step() {
        TotpCheck attempt = started.attempt(SEALER, codeAt(NOW), NOW);

        assertThat(attempt).isEqualTo(new TotpCheck.Accepted(TOTP.timeStep(NOW)));
        TotpRegistration active = started.accepted(((TotpCheck.Accepted) attempt).step(), NOW);
        assertThat(active.state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(active.lastAcceptedStep()).isEqualTo(TOTP.timeStep(NOW));
        assertThat(active.changed()).isEqualTo(NOW);
    }

    @Test
    void refuses_the_code_of_an_accepted_step_as_replayed() {
        TotpRegistration active = started.accepted(TOTP.timeStep(NOW), NOW);

        assertThat(active.attempt(SEALER, codeAt(NOW), NOW.plusSeconds(5)))
                .isEqualTo(new TotpCheck.Replayed(TOTP.timeStep(NOW)));
    }

    @Test
    void refuses_the_code_of_a_step_before_the_accepted_one() {
        TotpRegistration active = started.accepted(TOTP.timeStep(NOW), NOW);

        assertThat(active.attempt(SEALER, codeAt(NOW.minusSeconds(30)), NOW))
                .isInstanceOf(TotpCheck.Replayed.class);
    }

    @Test
    void refuses_a_code_from_a_device_clock_two_minutes_behind_as_a_wrong_code() {
        assertThat(started.attempt(SEALER, codeAt(NOW.minus(Duration.ofMinutes(2))), NOW))
                .isEqualTo(new TotpCheck.Rejected());
    }

    @Test
    void an_accepted_code_carries_how_many_steps_the_device_clock_is_off() {
        TotpCheck behind = started.attempt(SEALER, codeAt(NOW.minusSeconds(30)), NOW);
        TotpCheck onTime = started.attempt(SEALER, codeAt(NOW), NOW);

        assertThat(behind).isEqualTo(new TotpCheck.Accepted(TOTP.timeStep(NOW) - 1));
        assertThat(started.stepsOff(((TotpCheck.Accepted) behind).step(), NOW)).isEqualTo(-1);
        assertThat(started.stepsOff(((TotpCheck.Accepted) onTime).step(), NOW)).isZero();
    }

    @Test
    void rejects_a_wrong_code() {
        String wrong = codeAt(NOW).equals("000000") ? "000001" : "000000";

        assertThat(started.attempt(SEALER, wrong, NOW)).isInstanceOf(TotpCheck.Rejected.class);
    }

    @Test
    void locks_when_the_failures_reach_the_limit_and_starts_counting_again() {
        TotpRegistration twice = started.failed(POLICY, NOW).failed(POLICY, NOW);
        TotpRegistration locked = twice.failed(POLICY, NOW);

        assertThat(twice.consecutiveFailures()).isEqualTo(2);
        assertThat(twice.lockedAt(NOW)).isFalse();
        assertThat(locked.consecutiveFailures()).isZero();
        assertThat(locked.lockedUntil()).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(locked.lockedAt(NOW.plus(Duration.ofMinutes(5)).minusNanos(1))).isTrue();
        assertThat(locked.lockedAt(NOW.plus(Duration.ofMinutes(5)))).isFalse();
    }

    @Test
    void a_locked_registration_checks_no_code_and_says_how_long_to_wait() {
        TotpRegistration locked = started.failed(POLICY, NOW).failed(POLICY, NOW).failed(POLICY, NOW);

        assertThat(locked.attempt(SEALER, codeAt(NOW.plusSeconds(60)), NOW.plusSeconds(60)))
                .isEqualTo(new TotpCheck.Locked(Duration.ofMinutes(4)));
    }

    @Test
    void a_failure_while_locked_does_not_extend_the_lockout() {
        TotpRegistration locked = started.failed(POLICY, NOW).failed(POLICY, NOW).failed(POLICY, NOW);

        assertThat(locked.failed(POLICY, NOW.plusSeconds(60))).isEqualTo(locked);
    }

    @Test
    void the_right_code_after_the_lockout_works_and_clears_the_failures() {
        TotpRegistration locked = started.failed(POLICY, NOW).failed(POLICY, NOW).failed(POLICY, NOW)
                .failed(POLICY, NOW.plus(Duration.ofMinutes(5)));
        Instant later = NOW.plus(Duration.ofMinutes(6));

        TotpCheck attempt = locked.attempt(SEALER, codeAt(later), later);

        assertThat(attempt).isInstanceOf(TotpCheck.Accepted.class);
        TotpRegistration active = locked.accepted(((TotpCheck.Accepted) attempt).step(), later);
        assertThat(active.consecutiveFailures()).isZero();
        assertThat(active.lockedUntil()).isEmpty();
    }

    @Test
    void refuses_a_policy_beyond_the_nist_limit_of_one_hundred_failures() {
        assertThatThrownBy(() -> new TotpPolicy("ACME", PARAMETERS, 101, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_a_label_with_a_colon() {
        assertThatThrownBy(() -> TotpRegistration.start(new TotpRegistrationId("reg-3"), new UserId("jane"),
                PARAMETERS, "AC:ME", "jane", secret, SEALER, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fresh_ids_carry_128_random_bits() {
        TotpRegistrationId id = TotpRegistrationId.random(new Random(3));

        assertThat(id.value()).hasSize(22).matches("[A-Za-z0-9_-]+");
    }
}
