package com.plmr.mfa.domain.factor;

import com.plmr.mfa.domain.ParameterException;
import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unverified registration's expiry and the escalation of a registration's lockouts. */
class RegistrationLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final TotpParameters PARAMETERS = TotpParameters.defaults();
    private static final TotpPolicy POLICY = new TotpPolicy("ACME", PARAMETERS, 2, Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofMinutes(10));
    private static final SecretSealer SEALER = new SecretSealer(Map.of("k1", new byte[32]), "k1", new Random(1));
    private static final Totp TOTP = new Totp(PARAMETERS);

    private final TotpSecret secret = TotpSecret.random(new Random(7), HmacAlgorithm.SHA1);
    private final TotpRegistration started = TotpRegistration.start(new TotpRegistrationId("reg-1"),
            new UserId("jane"), PARAMETERS, "ACME", "jane@example.com", secret, SEALER, NOW);

    @Test
    void an_unverified_registration_expires_when_its_enrolment_lifetime_is_over() {
        assertThat(started.expiredAt(POLICY, NOW.plus(Duration.ofMinutes(10)).minusSeconds(1))).isFalse();
        assertThat(started.expiredAt(POLICY, NOW.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void an_active_registration_never_expires() {
        Instant later = NOW.plusSeconds(60);
        TotpRegistration active = started.accepted(TOTP.timeStep(later), later);

        assertThat(active.expiredAt(POLICY, NOW.plus(Duration.ofDays(365)))).isFalse();
    }

    @Test
    void each_lockout_before_a_right_code_lasts_twice_as_long_as_the_last_up_to_the_maximum() {
        TotpRegistration registration = started;
        Instant now = NOW;
        List<Duration> lockouts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registration = registration.failed(POLICY, now).failed(POLICY, now);
            Instant until = registration.lockedUntil().orElseThrow();
            lockouts.add(Duration.between(now, until));
            now = until;
        }

        assertThat(lockouts).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(30), Duration.ofMinutes(30));
        assertThat(registration.lockouts()).isEqualTo(5);
    }

    @Test
    void a_right_code_ends_the_escalation() {
        TotpRegistration locked = started.failed(POLICY, NOW).failed(POLICY, NOW);
        Instant later = locked.lockedUntil().orElseThrow();
        TotpRegistration accepted = locked.accepted(TOTP.timeStep(later), later);

        TotpRegistration lockedAgain = accepted.failed(POLICY, later).failed(POLICY, later);

        assertThat(accepted.lockouts()).isZero();
        assertThat(lockedAgain.lockedUntil()).contains(later.plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_wrong_code_during_a_lockout_neither_extends_nor_escalates_it() {
        TotpRegistration locked = started.failed(POLICY, NOW).failed(POLICY, NOW);

        assertThat(locked.failed(POLICY, NOW.plusSeconds(60))).isEqualTo(locked);
    }

    @Test
    void refuses_a_maximum_below_the_first_lockout_and_enrolment_lifetimes_out_of_range() {
        assertThatThrownBy(() -> new TotpPolicy("ACME", PARAMETERS, 2, Duration.ofMinutes(5), Duration.ofMinutes(4),
                Duration.ofMinutes(10))).isInstanceOf(ParameterException.class).hasMessageContaining("maxLockout");
        assertThatThrownBy(() -> new TotpPolicy("ACME", PARAMETERS, 2, Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofSeconds(59))).isInstanceOf(ParameterException.class).hasMessageContaining("enrolmentTtl");
        assertThat(new TotpPolicy("ACME", PARAMETERS, 2, Duration.ofHours(2)).maxLockout())
                .as("a first lockout above the default maximum is its own maximum").isEqualTo(Duration.ofHours(2));
    }
}
