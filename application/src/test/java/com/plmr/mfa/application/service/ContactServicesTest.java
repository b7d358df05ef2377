package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Setting, reading and removing a user's contacts, behind the gate shared with the authenticator apps. */
class ContactServicesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UserId JANE = new UserId("jane");
    private static final Actor AS_JANE = new Actor.User(JANE);

    private final InMemoryChallengeStore store = new InMemoryChallengeStore();
    private final SteppingClock clock = new SteppingClock(NOW);
    private final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    private final SetContactService set = new SetContactService(store, store, store, store,
            audit.trail(store, clock), clock);
    private final ReadContactService read = new ReadContactService(store);
    private final RemoveContactService remove = new RemoveContactService(store, store, store,
            audit.trail(store, clock), clock);

    @Test
    void a_new_contact_is_stored_normalised_and_a_replaced_one_keeps_when_it_was_first_set() {
        assertThat(set.set(AS_JANE, JANE, ContactKind.EMAIL, "Jane@Example.com"))
                .isEqualTo(Access.granted(new Contact(JANE, ContactKind.EMAIL, "Jane@example.com", NOW, NOW)));
        clock.advance(Duration.ofMinutes(5));

        Access<Contact> replaced = set.set(AS_JANE, JANE, ContactKind.EMAIL, "jane@example.org");

        Contact expected = new Contact(JANE, ContactKind.EMAIL, "jane@example.org", NOW, NOW.plusSeconds(300));
        assertThat(replaced).isEqualTo(Access.granted(expected));
        assertThat(read.read(AS_JANE, JANE, ContactKind.EMAIL)).isEqualTo(Access.granted(expected));
        assertThat(store.writesOutsideTransactions).isEmpty();
        assertThat(audit.appended).extracting(event -> event.type())
                .containsExactly(AuditType.FACTOR_ADDED, AuditType.FACTOR_CHANGED);
    }

    @Test
    void another_user_is_told_apart_from_a_service_without_the_scope_and_neither_changes_anything() {
        Actor other = new Actor.User(new UserId("joe"));
        Actor unscoped = new Actor.Service("payments", Set.of(Scopes.CHALLENGES_CREATE));

        assertThat(set.set(other, JANE, ContactKind.PHONE, "+4915112345612")).isInstanceOf(Access.SubjectMismatch.class);
        assertThat(set.set(unscoped, JANE, ContactKind.PHONE, "+4915112345612")).isInstanceOf(Access.Forbidden.class);
        assertThat(read.read(other, JANE, ContactKind.PHONE)).isInstanceOf(Access.SubjectMismatch.class);
        assertThat(remove.remove(unscoped, JANE, ContactKind.PHONE)).isInstanceOf(Access.Forbidden.class);
        assertThat(store.contacts).isEmpty();
        assertThat(audit.appended).extracting(event -> event.type())
                .containsOnly(AuditType.FACTOR_CHANGE_REFUSED).hasSize(3);
    }

    @Test
    void a_service_with_the_scope_manages_any_users_contacts() {
        Actor service = new Actor.Service("payments", Set.of(Scopes.FACTORS_MANAGE));

        assertThat(set.set(service, JANE, ContactKind.PHONE, "+4915112345612")).isInstanceOf(Access.Granted.class);
        assertThat(read.read(service, JANE, ContactKind.PHONE)).isInstanceOf(Access.Granted.class);
    }

    @Test
    void a_removal_answers_the_contact_as_it_was_stamped_with_its_time_and_then_it_is_gone() {
        set.set(AS_JANE, JANE, ContactKind.PHONE, "+4915112345612");
        clock.advance(Duration.ofMinutes(1));

        Access<Contact> removed = remove.remove(AS_JANE, JANE, ContactKind.PHONE);

        assertThat(removed).isEqualTo(Access.granted(
                new Contact(JANE, ContactKind.PHONE, "+4915112345612", NOW, NOW.plusSeconds(60))));
        assertThat(read.read(AS_JANE, JANE, ContactKind.PHONE)).isInstanceOf(Access.NotFound.class);
        assertThat(remove.remove(AS_JANE, JANE, ContactKind.PHONE)).isInstanceOf(Access.NotFound.class);
    }

    @Test
    void a_removal_whose_delete_removes_nothing_because_a_concurrent_one_did_answers_not_found() {
        Contact seen = new Contact(JANE, ContactKind.PHONE, "+4915112345612", NOW, NOW);
        RemoveContactService racing = new RemoveContactService((user, kind) -> Optional.of(seen),
                (user, kind) -> false, store, audit.trail(store, clock), clock);

        assertThat(racing.remove(AS_JANE, JANE, ContactKind.PHONE)).isInstanceOf(Access.NotFound.class);
    }
}
