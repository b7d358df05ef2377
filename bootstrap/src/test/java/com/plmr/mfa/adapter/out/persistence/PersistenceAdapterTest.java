package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.ClaimDueMessagesPort.PendingMessage;
import com.plmr.mfa.application.port.out.DeliveryState;
import com.plmr.mfa.application.port.out.OutboundMessage;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.Transition;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The persistence adapter on the real MySQL-compatible server, with the Liquibase schema applied. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersistenceAdapterTest implements TestPropertyProvider {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:07Z");

    @Inject
    ChallengePersistenceAdapter challenges;
    @Inject
    OutboxPersistenceAdapter outbox;
    @Inject
    TransactionPort transactions;

    @Override
    public Map<String, String> getProperties() {
        return com.plmr.mfa.bootstrap.TestDatabaseAccess.properties();
    }

    @Test
    void a_challenge_round_trips_every_field() {
        Challenge opened = Challenge.open(new ChallengeId("ch_" + UUID.randomUUID().toString().replace("-", "")),
                new UserId("u-1"), new StepUpContext("payment", "pay-1", "sha256:ab", "EUR 40 to ACME"),
                Set.of(ChallengeMethod.SMS, ChallengeMethod.APP), Locale.GERMANY, ChallengePolicy.defaults(), NOW);
        Challenge issued = opened.issue(ChallengeMethod.SMS, new byte[32], ChallengePolicy.defaults(), NOW).challenge();
        transactions.inTransaction(() -> {
            challenges.save(issued);
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
    void an_outbox_message_is_sealed_at_rest_and_erased_when_sent() throws SQLException {
        OutboundMessage message = message("+4915177777001", "424242");
        enqueue(message, NOW);
        assertThat(rawRow(message.messageId())).doesNotContain("424242").doesNotContain("4915177777001");

        List<PendingMessage> claimed = transactions.inTransaction(() -> outbox.claimDue(NOW.plusSeconds(1), 100, Duration.ofSeconds(30)));
        PendingMessage mine = claimed.stream().filter(p -> p.message().messageId().equals(message.messageId())).findFirst().orElseThrow();
        assertThat(mine.message().code()).isEqualTo("424242");
        assertThat(mine.message().destination()).isEqualTo("+4915177777001");
        assertThat(mine.attempt()).isEqualTo(1);

        outbox.record(message.messageId(), DeliveryState.Status.SENT, "provider-1", null, NOW.plusSeconds(2));
        assertThat(payloadIsNull(message.messageId())).isTrue();
        assertThat(outbox.latestFor(new ChallengeId("ch_outbox"))).hasValueSatisfying(state -> {
            assertThat(state.status()).isEqualTo(DeliveryState.Status.SENT);
            assertThat(state.attempts()).isEqualTo(1);
        });
    }

    @Test
    void a_claimed_message_is_leased_and_due_again_only_when_the_lease_runs_out() {
        Instant at = NOW.plus(1, ChronoUnit.DAYS);
        OutboundMessage message = message("+4915177777002", "111111");
        enqueue(message, at);
        assertThat(claimIds(at, Duration.ofSeconds(30))).contains(message.messageId());
        assertThat(claimIds(at.plusSeconds(29), Duration.ofSeconds(30))).doesNotContain(message.messageId());
        assertThat(claimIds(at.plusSeconds(31), Duration.ofSeconds(30))).contains(message.messageId());
    }

    @Test
    void concurrent_dispatchers_skip_each_others_locked_messages() throws Exception {
        Instant at = NOW.plus(2, ChronoUnit.DAYS);
        for (int i = 0; i < 6; i++) {
            enqueue(message("+49151777771" + i, "22222" + i), at);
        }
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
            List<String> ids = outbox.claimDue(at, 3, Duration.ofSeconds(30)).stream().map(p -> p.message().messageId()).toList();
            firstHolds.countDown();
            await(secondDone);
            return ids;
        }));
        assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
        List<String> second = claimIds(at, Duration.ofSeconds(30));
        secondDone.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).hasSize(3).doesNotContainAnyElementsOf(second);
        assertThat(second).hasSizeGreaterThanOrEqualTo(3);
    }

    private List<String> claimIds(Instant at, Duration lease) {
        return transactions.inTransaction(() -> outbox.claimDue(at, 100, lease)).stream()
                .map(p -> p.message().messageId()).toList();
    }

    private void enqueue(OutboundMessage message, Instant at) {
        transactions.inTransaction(() -> {
            outbox.enqueue(new ChallengeId("ch_outbox"), message, at, at.plus(Duration.ofMinutes(5)));
            return null;
        });
    }

    private static OutboundMessage message(String to, String code) {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        return new OutboundMessage(id, id, OutboundMessage.Channel.SMS, to, Locale.ENGLISH, code, 5, "EUR 40 to ACME");
    }

    private String rawRow(String id) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(com.plmr.mfa.bootstrap.TestDatabaseAccess.url(), "root", "");
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT * FROM outbox_message WHERE id = '" + id + "'")) {
            StringBuilder dump = new StringBuilder();
            while (row.next()) {
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    byte[] bytes = row.getBytes(column);
                    dump.append(bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).append('|');
                }
            }
            return dump.toString();
        }
    }

    private boolean payloadIsNull(String id) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(com.plmr.mfa.bootstrap.TestDatabaseAccess.url(), "root", "");
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT payload FROM outbox_message WHERE id = '" + id + "'")) {
            return row.next() && row.getBytes(1) == null;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
