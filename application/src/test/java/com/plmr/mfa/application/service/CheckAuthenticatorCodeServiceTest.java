package com.plmr.mfa.application.service;

import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static com.plmr.mfa.application.service.TotpFixture.NOW;
import static com.plmr.mfa.application.service.TotpFixture.POLICY;
import static com.plmr.mfa.application.service.TotpFixture.SEALER;
import static org.assertj.core.api.Assertions.assertThat;

class CheckAuthenticatorCodeServiceTest {

    private static final UserId JANE = new UserId("jane");
    private static final TotpParameters PARAMETERS = TotpParameters.defaults();

    private static final Actor AS_JANE = new Actor.User(JANE);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryTotpRegistrations store = new InMemoryTotpRegistrations();
    private final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    private final CheckAuthenticatorCodeService check =
            new CheckAuthenticatorCodeService(store, SEALER, POLICY, store, audit.trail(store, CLOCK));
    private final TotpSecret secret = TotpSecret.random(new Random(9), HmacAlgorithm.SHA1);

    private TotpRegistration registration(String id, boolean active) {
        TotpRegistration started = TotpRegistration.start(new TotpRegistrationId(id), JANE, PARAMETERS, "ACME",
                "jane", secret, SEALER, NOW.minusSeconds(600));
        TotpRegistration stored = active ? started.accepted(new Totp(PARAMETERS).timeStep(NOW.minusSeconds(600)),
                NOW.minusSeconds(600)) : started;
        store.put(stored);
        return stored;
    }

    private String code(Instant at) {
        return TotpFixture.appCode(secret, PARAMETERS, at);
    }

    @Test
    void a_user_without_an_active_registration_has_no_factor() {
        registration("unverified", false);

        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW), NOW)).isEmpty();
    }

    @Test
    void the_current_code_matches_and_advances_the_accepted_step() {
        TotpRegistration active = registration("r1", true);

        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW), NOW)).hasValueSatisfying(check -> assertThat(check.authenticates()).isTrue());
        assertThat(store.stored(active.id()).lastAcceptedStep()).isEqualTo(new Totp(PARAMETERS).timeStep(NOW));
    }

    @Test
    void the_same_code_a_second_time_is_replayed() {
        registration("r1", true);
        check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW), NOW);

        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW), NOW.plusSeconds(10))).containsInstanceOf(TotpCheck.Replayed.class);
    }

    @Test
    void a_lost_compare_and_set_is_replayed_not_matched() {
        TotpRegistration active = registration("r1", true);
        store.beforeNextAdvance(() -> store.put(active.accepted(new Totp(PARAMETERS).timeStep(NOW), NOW)));

        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW), NOW)).containsInstanceOf(TotpCheck.Replayed.class);
    }

    @Test
    void a_code_from_a_clock_two_minutes_behind_is_a_wrong_code_and_counts_as_one() {
        TotpRegistration active = registration("r1", true);

        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW.minus(Duration.ofMinutes(2))), NOW)).contains(new TotpCheck.Rejected());
        assertThat(store.stored(active.id()).consecutiveFailures()).isEqualTo(1);
        assertThat(store.drifts).isEmpty();
    }

    @Test
    void a_code_one_step_ahead_is_accepted_and_its_offset_goes_to_operators() {
        TotpRegistration active = registration("r1", true);

        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW.plusSeconds(30)), NOW)).hasValueSatisfying(check -> assertThat(check.authenticates()).isTrue());
        assertThat(store.drifts).containsExactly(new InMemoryTotpRegistrations.Drift(active.id(), 1));
    }

    @Test
    void a_text_of_another_length_than_the_apps_is_malformed_and_counts_nothing() {
        TotpRegistration active = registration("r1", true);

        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW) + "1", NOW)).contains(new TotpCheck.Malformed(java.util.Set.of(6)));
        assertThat(store.stored(active.id()).consecutiveFailures()).isZero();
    }

    @Test
    void a_wrong_code_does_not_match_and_counts_as_a_failure() {
        TotpRegistration active = registration("r1", true);

        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), TotpFixture.wrongCode(code(NOW)), NOW)).contains(new TotpCheck.Rejected());
        assertThat(store.stored(active.id()).consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void a_locked_registration_answers_its_lockout_even_to_the_right_code_and_checks_nothing() {
        TotpRegistration active = registration("r1", true);
        for (int i = 0; i < POLICY.maxFailures(); i++) {
            check.check(AS_JANE, store.lockedRegistrationsOf(JANE), TotpFixture.wrongCode(code(NOW)), NOW);
        }

        assertThat(store.stored(active.id()).lockedAt(NOW)).isTrue();
        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW), NOW.plusSeconds(60)))
                .contains(new TotpCheck.Locked(POLICY.lockout().minusSeconds(60)));
        assertThat(store.stored(active.id()).lastAcceptedStep()).isEqualTo(active.lastAcceptedStep());
        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW.plus(POLICY.lockout())), NOW.plus(POLICY.lockout())))
                .hasValueSatisfying(check -> assertThat(check.authenticates()).isTrue());
    }

    @Test
    void while_one_of_the_users_apps_is_locked_no_code_of_any_is_checked() {
        registration("r1", true);
        TotpRegistration locked = registration("r2", true);
        for (int i = 0; i < POLICY.maxFailures(); i++) {
            store.put(store.stored(locked.id()).failed(POLICY, NOW));
        }

        assertThat(check.check(AS_JANE, store.lockedRegistrationsOf(JANE), code(NOW), NOW)).contains(new TotpCheck.Locked(POLICY.lockout()));
    }
}
