package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.GenerateRecoveryCodesUseCase.Generated;
import com.plmr.mfa.application.port.in.ListFactorsUseCase.Factors;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.recovery.RecoveryCode;
import com.plmr.mfa.domain.recovery.RecoveryCodePolicy;
import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Generating and reading recovery codes and the factor inventory, behind the gate shared with the other factors. */
class RecoveryCodeServicesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final UserId JANE = new UserId("jane");
    private static final Actor AS_JANE = new Actor.User(JANE);

    private final InMemoryChallengeStore store = new InMemoryChallengeStore();
    private final InMemoryRecoveryCodes codes = new InMemoryRecoveryCodes();
    private final InMemoryTotpRegistrations apps = new InMemoryTotpRegistrations();
    private final SteppingClock clock = new SteppingClock(NOW);
    private final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    private final CodeHasher hasher = new CodeHasher(new byte[32]);
    private final GenerateRecoveryCodesService generate = new GenerateRecoveryCodesService(codes, store, hasher,
            RecoveryCodePolicy.defaults(), audit.trail(store, clock), clock, new Random(3));
    private final ReadRecoveryCodesService read = new ReadRecoveryCodesService(codes, store);
    private final ListFactorsService inventory = new ListFactorsService(store, apps, codes, store);

    private Generated generated(Access<Generated> access) {
        assertThat(access).isInstanceOf(Access.Granted.class);
        return ((Access.Granted<Generated>) access).value();
    }

    @Test
    void a_user_generates_ten_codes_of_which_only_keyed_hashes_are_stored() {
        Generated first = generated(generate.generate(AS_JANE, JANE));

        assertThat(store.transactions).isEqualTo(1);
        assertThat(first.set().codes()).hasSize(10);
        assertThat(first.replacedPrevious()).isFalse();
        assertThat(codes.hashesOf(JANE)).containsExactlyElementsOf(first.set().codes().stream()
                .map(code -> HexFormat.of().formatHex(hasher.recoveryCodeHash(JANE, code))).toList());
        assertThat(read.read(AS_JANE, JANE)).isEqualTo(Access.granted(new RecoveryCodeSummary(10, 10, NOW,
                Optional.empty())));
        assertThat(audit.decisions()).containsExactly("recovery_codes.generated");
        assertThat(audit.appended.get(0).subject().factorId()).contains("recovery_codes");
    }

    @Test
    void regenerating_replaces_the_whole_set_and_is_recorded_as_a_regeneration() {
        Generated first = generated(generate.generate(AS_JANE, JANE));
        RecoveryCode used = first.set().codes().get(0);
        codes.markUsed(JANE, hasher.recoveryCodeHash(JANE, used), NOW.plusSeconds(5));
        clock.advance(Duration.ofMinutes(1));

        Generated second = generated(generate.generate(AS_JANE, JANE));

        assertThat(second.replacedPrevious()).isTrue();
        assertThat(second.set().codes()).doesNotContainAnyElementsOf(first.set().codes());
        assertThat(read.read(AS_JANE, JANE)).isEqualTo(Access.granted(new RecoveryCodeSummary(10, 10,
                NOW.plusSeconds(60), Optional.empty())));
        assertThat(first.set().codes()).noneMatch(code -> codes.markUsed(JANE, hasher.recoveryCodeHash(JANE, code), NOW));
        assertThat(audit.decisions()).containsExactly("recovery_codes.generated", "recovery_codes.regenerated");
    }

    @Test
    void another_user_and_a_service_without_the_scope_are_refused_and_recorded() {
        Actor other = new Actor.User(new UserId("joe"));
        Actor unscoped = new Actor.Service("payments", Set.of(Scopes.CHALLENGES_CREATE));

        assertThat(generate.generate(other, JANE)).isInstanceOf(Access.SubjectMismatch.class);
        assertThat(generate.generate(unscoped, JANE)).isInstanceOf(Access.Forbidden.class);
        assertThat(read.read(other, JANE)).isInstanceOf(Access.SubjectMismatch.class);
        assertThat(inventory.list(unscoped, JANE)).isInstanceOf(Access.Forbidden.class);
        assertThat(read.read(AS_JANE, JANE)).isInstanceOf(Access.NotFound.class);
        assertThat(audit.decisions()).containsExactly("factor.change_refused/subject_mismatch",
                "factor.change_refused/scope_missing");
    }

    @Test
    void a_service_with_the_scope_generates_for_any_user() {
        Actor service = new Actor.Service("helpdesk", Set.of(Scopes.FACTORS_MANAGE));

        assertThat(generate.generate(service, JANE)).isInstanceOf(Access.Granted.class);
        assertThat(audit.appended).singleElement().satisfies(event ->
                assertThat(event.actor().name()).isEqualTo("helpdesk"));
    }

    @Test
    void the_inventory_holds_contacts_apps_and_the_recovery_codes_state_and_is_empty_for_an_unknown_user() {
        new SetContactService(store, store, store, store, audit.trail(store, clock), clock)
                .set(AS_JANE, JANE, ContactKind.PHONE, "+4915112345612");
        generate.generate(AS_JANE, JANE);

        Factors factors = ((Access.Granted<Factors>) inventory.list(AS_JANE, JANE)).value();

        assertThat(factors.phone()).map(contact -> contact.masked()).isPresent();
        assertThat(factors.email()).isEmpty();
        assertThat(factors.apps()).isEmpty();
        assertThat(factors.recoveryCodes()).map(RecoveryCodeSummary::remaining).contains(10);
        UserId nobody = new UserId("nobody");
        assertThat(inventory.list(new Actor.User(nobody), nobody)).isEqualTo(Access.granted(new Factors(nobody,
                Optional.empty(), Optional.empty(), java.util.List.of(), Optional.empty())));
    }
}
