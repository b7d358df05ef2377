package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.in.StartTotpRegistrationUseCase;
import com.plmr.mfa.application.port.in.VerifyTotpRegistrationUseCase;
import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.factor.RegistrationState;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

import static com.plmr.mfa.application.service.TotpFixture.NOW;
import static com.plmr.mfa.application.service.TotpFixture.POLICY;
import static com.plmr.mfa.application.service.TotpFixture.SEALER;
import static org.assertj.core.api.Assertions.assertThat;

class TotpRegistrationServicesTest {

    private static final UserId JANE = new UserId("jane");
    private static final Actor.User AS_JANE = new Actor.User(JANE);

    private final InMemoryTotpRegistrations store = new InMemoryTotpRegistrations();
    private final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    private Instant now = NOW;

    private StartTotpRegistrationUseCase.Started start(StartTotpRegistrationUseCase.Command command) {
        var service = new StartTotpRegistrationService(store, store, SEALER, POLICY,
                audit.trail(store, TotpFixture.clockAt(now)), TotpFixture.clockAt(now),
                new Random(42));
        return ((Access.Granted<StartTotpRegistrationUseCase.Started>) service.start(AS_JANE, command)).value();
    }

    private StartTotpRegistrationUseCase.Started start() {
        return start(new StartTotpRegistrationUseCase.Command(JANE, Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), Optional.empty()));
    }

    private Access<VerifyTotpRegistrationUseCase.Result> verify(Actor actor, TotpRegistrationId id, String code) {
        var service = new VerifyTotpRegistrationService(store, store, store, SEALER, POLICY, store,
                audit.trail(store, TotpFixture.clockAt(now)), TotpFixture.clockAt(now));
        return service.verify(actor, new VerifyTotpRegistrationUseCase.Command(JANE, id, code));
    }

    private TotpCheck verified(TotpRegistrationId id, String code) {
        return ((Access.Granted<VerifyTotpRegistrationUseCase.Result>) verify(AS_JANE, id, code)).value().check();
    }

    private static String appCode(StartTotpRegistrationUseCase.Started started, Instant at) {
        return TotpFixture.appCode(started.secret(), started.registration().parameters(), at);
    }

    @Test
    void starts_an_unverified_registration_with_the_policy_defaults_and_the_user_id_as_account() {
        var started = start();

        TotpRegistration stored = store.stored(started.registration().id());
        assertThat(stored.state()).isEqualTo(RegistrationState.UNVERIFIED);
        assertThat(stored.issuer()).isEqualTo("ACME");
        assertThat(stored.accountName()).isEqualTo("jane");
        assertThat(started.registration()).isEqualTo(stored);
        assertThat(stored.parameters()).isEqualTo(POLICY.parameters());
        assertThat(started.secret().length()).isEqualTo(20);
    }

    @Test
    void a_sha512_registration_gets_a_64_byte_secret() {
        var started = start(new StartTotpRegistrationUseCase.Command(JANE, Optional.of("Bank"),
                Optional.of("jane@bank"), Optional.of(HmacAlgorithm.SHA512), OptionalInt.of(8),
                Optional.of(Duration.ofSeconds(60))));

        assertThat(started.secret().length()).isEqualTo(64);
        assertThat(started.registration().parameters()).isEqualTo(new TotpParameters(HmacAlgorithm.SHA512, 8,
                Duration.ofSeconds(60), POLICY.parameters().window()));
        assertThat(started.registration().issuer()).isEqualTo("Bank");
        assertThat(started.registration().accountName()).isEqualTo("jane@bank");
    }

    @Test
    void the_secret_at_rest_opens_to_the_secret_handed_to_the_app() {
        var started = start();

        TotpSecret opened = store.stored(started.registration().id()).openSecret(SEALER);
        assertThat(opened).isEqualTo(started.secret());
    }

    @Test
    void the_right_code_activates_the_registration_and_records_its_step() {
        var started = start();

        TotpCheck attempt = verified(started.registration().id(), appCode(started, now));

        assertThat(attempt).isInstanceOf(TotpCheck.Accepted.class);
        assertThat(store.stored(started.registration().id()).state()).isEqualTo(RegistrationState.ACTIVE);
    }

    @Test
    void operators_are_told_how_many_steps_off_an_accepted_code_was_and_callers_are_not() {
        var started = start();
        now = NOW.plusSeconds(30);

        TotpCheck attempt = verified(started.registration().id(), appCode(started, NOW));

        assertThat(attempt).isInstanceOf(TotpCheck.Accepted.class);
        assertThat(store.drifts).containsExactly(new InMemoryTotpRegistrations.Drift(started.registration().id(), -1));
    }

    @Test
    void a_code_of_a_step_outside_the_window_is_refused_and_counted_like_a_wrong_code() {
        var started = start();
        TotpRegistrationId id = started.registration().id();
        String wrong = TotpFixture.wrongCode(appCode(started, now));

        TotpCheck future = verified(id, appCode(started, now.plus(Duration.ofMinutes(2))));
        TotpCheck plainlyWrong = verified(id, wrong);

        assertThat(future).isEqualTo(plainlyWrong).isEqualTo(new TotpCheck.Rejected());
        assertThat(store.stored(id).consecutiveFailures()).isEqualTo(2);
        assertThat(store.drifts).isEmpty();
    }

    @Test
    void a_code_of_another_length_than_the_registrations_is_malformed_and_not_counted() {
        var started = start();
        TotpRegistrationId id = started.registration().id();

        assertThat(verified(id, appCode(started, now) + "0")).isEqualTo(new TotpCheck.Malformed(Set.of(6)));
        assertThat(store.stored(id).consecutiveFailures()).isZero();
    }

    @Test
    void refuses_the_enrolment_code_a_second_time() {
        var started = start();
        String code = appCode(started, now);
        verified(started.registration().id(), code);

        assertThat(verified(started.registration().id(), code)).isInstanceOf(TotpCheck.Replayed.class);
    }

    @Test
    void a_request_that_loses_the_compare_and_set_is_told_the_code_was_used() {
        var started = start();
        String code = appCode(started, now);
        TotpRegistrationId id = started.registration().id();
        store.beforeNextAdvance(() -> store.put(store.stored(id).accepted(new com.plmr.mfa.domain.authenticator.Totp(
                started.registration().parameters()).timeStep(now), now)));

        assertThat(verified(id, code)).isInstanceOf(TotpCheck.Replayed.class);
    }

    @Test
    void locks_after_the_maximum_of_wrong_codes_and_works_again_after_the_cool_down() {
        var started = start();
        TotpRegistrationId id = started.registration().id();
        String wrong = TotpFixture.wrongCode(appCode(started, now));
        for (int i = 0; i < POLICY.maxFailures(); i++) {
            assertThat(verified(id, wrong)).isInstanceOf(TotpCheck.Rejected.class);
        }

        assertThat(verified(id, appCode(started, now))).isEqualTo(new TotpCheck.Locked(Duration.ofMinutes(5)));

        now = now.plus(POLICY.lockout());
        assertThat(verified(id, appCode(started, now))).isInstanceOf(TotpCheck.Accepted.class);
    }

    @Test
    void a_user_may_not_verify_another_users_registration() {
        var started = start();

        Access<VerifyTotpRegistrationUseCase.Result> access = verify(new Actor.User(new UserId("mallory")), started.registration().id(),
                appCode(started, now));

        assertThat(access).isInstanceOf(Access.SubjectMismatch.class);
    }

    @Test
    void a_service_without_the_factors_scope_is_forbidden() {
        var started = start();

        Access<VerifyTotpRegistrationUseCase.Result> access = verify(new Actor.Service("payments", Set.of(Scopes.CHALLENGES_CREATE)),
                started.registration().id(), appCode(started, now));

        assertThat(access).isInstanceOf(Access.Forbidden.class);
    }

    @Test
    void an_unknown_registration_is_not_found() {
        assertThat(verify(AS_JANE, new TotpRegistrationId("nope"), "123456")).isInstanceOf(Access.NotFound.class);
    }

    @Test
    void lists_and_removes_registrations() {
        var started = start();
        var list = new ListTotpRegistrationsService(store, POLICY, TotpFixture.clockAt(now));
        var remove = new RemoveTotpRegistrationService(store, store, store,
                audit.trail(store, TotpFixture.clockAt(now)), TotpFixture.clockAt(now));

        assertThat(((Access.Granted<List<TotpRegistration>>) list.list(AS_JANE, JANE)).value()).hasSize(1);
        assertThat(remove.remove(AS_JANE, JANE, started.registration().id())).isInstanceOf(Access.Granted.class);
        assertThat(((Access.Granted<List<TotpRegistration>>) list.list(AS_JANE, JANE)).value()).isEmpty();
        assertThat(remove.remove(AS_JANE, JANE, started.registration().id())).isInstanceOf(Access.NotFound.class);
    }
}
