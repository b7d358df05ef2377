package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.Transition;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The persistence adapter on the real MySQL-compatible server, with the Liquibase schema applied. */
@MicronautTest(transactional = false, startApplication = false)
class PersistenceAdapterTest extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:07Z");

    @Inject
    ChallengePersistenceAdapter challenges;
    @Inject
    TransactionPort transactions;
    @Inject
    ContactPersistenceAdapter contacts;

    @Test
    void a_challenge_round_trips_every_field() {
        Challenge opened = Challenge.open(new ChallengeId("ch_" + UUID.randomUUID().toString().replace("-", "")),
                new UserId("u-1"), new StepUpContext("payment", "pay-1", "sha256:ab", "EUR 40 to ACME"),
                Set.of(ChallengeMethod.SMS, ChallengeMethod.APP), Locale.GERMANY, ChallengePolicy.defaults(), NOW);
        Challenge issued = opened.issue(ChallengeMethod.SMS, new byte[32], ChallengePolicy.defaults(), NOW).challenge();
        transactions.inTransaction(() -> {
            challenges.add(issued);
            return null;
        });
        assertThat(challenges.load(issued.id())).contains(issued);

        Challenge cancelled = ((Transition) issued.cancel(NOW.plusSeconds(1))).challenge();
        transactions.inTransaction(() -> {
            challenges.save(cancelled);
            return null;
        });
        assertThat(challenges.load(issued.id())).contains(cancelled);
    }

    @Test
    void a_contact_round_trips_is_replaced_in_place_and_is_deleted_by_exactly_one_removal() {
        UserId user = new UserId("u-" + UUID.randomUUID());
        Contact first = new Contact(user, ContactKind.EMAIL, "jane@example.com", NOW, NOW);
        Contact changed = first.changedTo("jane@example.org", NOW.plusSeconds(60));

        transactions.inTransaction(() -> {
            contacts.add(first);
            return null;
        });
        assertThat(contacts.load(user, ContactKind.EMAIL)).contains(first);
        transactions.inTransaction(() -> {
            contacts.replace(changed);
            return null;
        });
        assertThat(contacts.load(user, ContactKind.EMAIL)).contains(changed);
        assertThat(contacts.load(user, ContactKind.PHONE)).isEmpty();

        assertThat(transactions.inTransaction(() -> contacts.remove(user, ContactKind.EMAIL))).isTrue();
        assertThat(transactions.inTransaction(() -> contacts.remove(user, ContactKind.EMAIL))).isFalse();
        assertThat(contacts.load(user, ContactKind.EMAIL)).isEmpty();
    }
}
