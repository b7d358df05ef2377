package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.ClaimDueMessagesPort.Claim;
import com.plmr.mfa.application.port.out.ClaimDueMessagesPort.PendingMessage;
import com.plmr.mfa.application.port.out.RecordReceiptPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.Amount;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.Payee;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.crypto.SealedSecret;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.DeliveryState.Status;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.OtpCode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox adapter on the real MySQL-compatible server, in a schema of its own: sealing and
 * erasing, one lease per claim, claims fenced by their attempt, and rows shared with the previous
 * release during a rolling deploy.
 */
@MicronautTest(transactional = false, startApplication = false)
class OutboxPersistenceAdapterTest extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:07Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final ChallengeId CHALLENGE = new ChallengeId("ch_outbox");

    @Inject
    OutboxPersistenceAdapter outbox;
    @Inject
    TransactionPort transactions;
    @Inject
    SecretSealer sealer;

    @BeforeEach
    void emptyOutbox() throws SQLException {
        update("DELETE FROM outbox_message");
    }

    @Test
    void a_message_is_sealed_at_rest_and_erased_when_sent() throws SQLException {
        CodeMessage message = message("+4915177777001", "424242");
        enqueue(message, NOW);
        assertThat(rawRow(message.messageId())).doesNotContain("424242").doesNotContain("4915177777001");

        PendingMessage claimed = outbox.claimNext(NOW.plusSeconds(1), LEASE).orElseThrow();
        assertThat(claimed.claim()).isEqualTo(new Claim(message.messageId(), 1));
        assertThat(claimed.content().open()).isEqualTo(message);

        assertThat(outbox.record(claimed.claim(), Status.SENT, "provider-1", null, NOW.plusSeconds(2))).isTrue();
        assertThat(payloadIsNull(message.messageId())).isTrue();
        assertThat(outbox.latestFor(CHALLENGE)).hasValueSatisfying(state -> {
            assertThat(state.status()).isEqualTo(Status.SENT);
            assertThat(state.attempts()).isEqualTo(1);
        });
    }

    @Test
    void a_receipt_is_recorded_once_on_the_sent_sms_the_provider_names_and_shows_in_its_delivery_state() {
        CodeMessage message = message("+4915177777009", "909090");
        enqueue(message, NOW);
        PendingMessage claimed = outbox.claimNext(NOW.plusSeconds(1), LEASE).orElseThrow();
        DeliveryReceipt undelivered = new DeliveryReceipt(DeliveryReceipt.Outcome.UNDELIVERED, "30003", NOW.plusSeconds(9));
        assertThat(outbox.record("SM-receipt", undelivered)).as("not sent yet").isEmpty();
        outbox.record(claimed.claim(), Status.SENT, "SM-receipt", null, NOW.plusSeconds(2));

        assertThat(outbox.record("SM-receipt", undelivered)).contains(new RecordReceiptPort.Receipted(
                message.messageId(), CHALLENGE, Channel.SMS));
        assertThat(outbox.record("SM-receipt", new DeliveryReceipt(DeliveryReceipt.Outcome.DELIVERED, null,
                NOW.plusSeconds(10)))).as("the first final receipt stands").isEmpty();
        assertThat(outbox.record("SM-unknown", undelivered)).isEmpty();
        assertThat(outbox.latestFor(CHALLENGE)).hasValueSatisfying(state -> {
            assertThat(state.status()).isEqualTo(Status.SENT);
            assertThat(state.receipt()).isEqualTo(undelivered);
            assertThat(state.undelivered()).isTrue();
        });
    }

    @Test
    void a_claim_takes_one_message_the_longest_waiting_and_leases_it_until_the_lease_runs_out() {
        CodeMessage older = message("+4915177777002", "111111");
        CodeMessage newer = message("+4915177777003", "222222");
        enqueue(older, NOW);
        enqueue(newer, NOW.plusSeconds(1));

        assertThat(claimedId(NOW.plusSeconds(1))).contains(older.messageId());
        assertThat(claimedId(NOW.plusSeconds(2))).contains(newer.messageId());
        assertThat(claimedId(NOW.plusSeconds(30))).as("both leased").isEmpty();
        assertThat(claimedId(NOW.plusSeconds(31))).as("the first lease ran out").contains(older.messageId());
        assertThat(claimedId(NOW.plusSeconds(31))).as("the second did not yet").isEmpty();
    }

    @Test
    void dispatchers_claiming_at_once_get_each_message_exactly_once() throws Exception {
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            CodeMessage message = message("+49151777710" + (10 + i), "3333" + (10 + i));
            enqueue(message, NOW);
            queued.add(message.messageId());
        }
        ExecutorService dispatchers = Executors.newFixedThreadPool(6);
        try {
            List<Callable<List<String>>> rounds = new ArrayList<>();
            for (int d = 0; d < 6; d++) {
                rounds.add(() -> {
                    List<String> mine = new ArrayList<>();
                    for (Optional<String> id = claimedId(NOW); id.isPresent(); id = claimedId(NOW)) {
                        mine.add(id.get());
                    }
                    return mine;
                });
            }
            List<String> claimed = new ArrayList<>();
            for (Future<List<String>> round : dispatchers.invokeAll(rounds, 2, TimeUnit.MINUTES)) {
                claimed.addAll(round.get());
            }
            assertThat(claimed).containsExactlyInAnyOrderElementsOf(queued);
        } finally {
            dispatchers.shutdownNow();
        }
    }

    @Test
    void the_result_of_a_claim_whose_lease_ran_out_and_was_claimed_again_is_not_recorded() {
        CodeMessage message = message("+4915177777004", "444444");
        enqueue(message, NOW);
        Claim first = outbox.claimNext(NOW, LEASE).orElseThrow().claim();
        Claim second = outbox.claimNext(NOW.plus(LEASE).plusSeconds(1), LEASE).orElseThrow().claim();
        assertThat(second.attempt()).isEqualTo(2);

        assertThat(outbox.record(first, Status.RETRYING, "request timeout", NOW.plusSeconds(90), NOW.plusSeconds(40)))
                .isFalse();
        assertThat(outbox.record(second, Status.SENT, "provider-2", null, NOW.plusSeconds(41))).isTrue();
        assertThat(outbox.record(first, Status.SENT, "provider-1", null, NOW.plusSeconds(42)))
                .as("a final row is never written again").isFalse();

        assertThat(outbox.latestFor(CHALLENGE)).hasValueSatisfying(state -> {
            assertThat(state.status()).isEqualTo(Status.SENT);
            assertThat(state.attempts()).isEqualTo(2);
        });
        assertThat(claimedId(NOW.plus(Duration.ofDays(1)))).as("a final row is never due again").isEmpty();
    }

    @Test
    void a_row_the_previous_release_wrote_is_claimed_and_read() throws Exception {
        CodeMessage message = message("+4915177777005", "555555");
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_message (id, challenge_id, channel, payload_key_id, payload, status, attempts,"
                        + " next_attempt_at, expires_at, created_at, updated_at, last_error, provider_message_id)"
                        + " VALUES (?, ?, 'SMS', ?, ?, 'QUEUED', 0, ?, ?, ?, ?, NULL, NULL)")) {
            SealedSecret sealed = sealer.seal(PreviousRelease.write(message), "outbox:" + message.messageId());
            insert.setString(1, message.messageId());
            insert.setString(2, CHALLENGE.value());
            insert.setString(3, sealed.keyId());
            insert.setBytes(4, sealed.ciphertext());
            insert.setObject(5, utc(NOW));
            insert.setObject(6, utc(NOW.plus(Duration.ofMinutes(5))));
            insert.setObject(7, utc(NOW));
            insert.setObject(8, utc(NOW));
            insert.executeUpdate();
        }

        PendingMessage claimed = outbox.claimNext(NOW, LEASE).orElseThrow();

        assertThat(claimed.content().open()).isEqualTo(message);
    }

    @Test
    void a_row_this_release_writes_is_read_by_the_previous_release() throws Exception {
        CodeMessage message = message("+4915177777006", "666666");
        enqueue(message, NOW);

        try (Connection connection = connect(); ResultSet row = connection.createStatement().executeQuery(
                "SELECT payload_key_id, payload, payload_format FROM outbox_message WHERE id = '"
                        + message.messageId() + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(3)).isEqualTo(1);
            byte[] plain = sealer.open(new SealedSecret(row.getString(1), row.getBytes(2)),
                    "outbox:" + message.messageId());
            assertThat(PreviousRelease.read(message.messageId(), plain)).isEqualTo(message);
        }
    }

    @Test
    void a_message_with_transaction_details_keeps_them_and_the_previous_release_reads_it_without_them()
            throws Exception {
        CodeMessage plain = message("+4915177777008", "888888");
        CodeMessage message = new CodeMessage(plain.messageId(), plain.idempotencyKey(), plain.challenge(), plain.to(),
                plain.locale(), plain.code(), plain.validMinutes(), plain.summary(),
                new TransactionDetails("payment_initiation", Amount.of("1234.50", "EUR"),
                        new Payee("Müller & Söhne GmbH", "DE89 **** **** **** **** 00"), null));
        enqueue(message, NOW);

        assertThat(outbox.claimNext(NOW, LEASE).orElseThrow().content().open()).isEqualTo(message);
        try (Connection connection = connect(); ResultSet row = connection.createStatement().executeQuery(
                "SELECT payload_key_id, payload, payload_format FROM outbox_message WHERE id = '"
                        + message.messageId() + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(3)).as("an appended field keeps the layout's number").isEqualTo(1);
            byte[] payload = sealer.open(new SealedSecret(row.getString(1), row.getBytes(2)),
                    "outbox:" + message.messageId());
            assertThat(PreviousRelease.read(message.messageId(), payload)).isEqualTo(plain);
        }
    }

    @Test
    void a_row_of_a_newer_payload_format_is_left_untouched_for_a_release_that_reads_it() throws SQLException {
        CodeMessage message = message("+4915177777007", "777777");
        enqueue(message, NOW);
        update("UPDATE outbox_message SET payload_format = " + (OutboxPayload.CURRENT + 1)
                + " WHERE id = '" + message.messageId() + "'");
        String before = rawRow(message.messageId());

        assertThat(outbox.claimNext(NOW.plusSeconds(1), LEASE)).isEmpty();
        assertThat(outbox.claimNext(NOW.plus(Duration.ofDays(1)), LEASE)).as("not even once expired").isEmpty();

        assertThat(rawRow(message.messageId())).isEqualTo(before);
        assertThatThrownBy(() -> OutboxPayload.read(OutboxPayload.CURRENT + 1, "m", null, Channel.SMS,
                new byte[0])).hasMessageContaining("not read by this release");
    }

    @Test
    void content_sealed_under_a_key_this_instance_lacks_is_claimed_and_fails_only_when_opened() throws SQLException {
        CodeMessage message = message("+4915177777008", "888888");
        enqueue(message, NOW);
        update("UPDATE outbox_message SET payload_key_id = 'retired-key' WHERE id = '" + message.messageId() + "'");

        PendingMessage claimed = outbox.claimNext(NOW, LEASE).orElseThrow();

        assertThat(claimed.channel()).isEqualTo(Channel.SMS);
        assertThatThrownBy(() -> claimed.content().open()).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("888888");
    }

    private Optional<String> claimedId(Instant at) {
        return outbox.claimNext(at, LEASE).map(pending -> pending.claim().messageId());
    }

    private void enqueue(CodeMessage message, Instant at) {
        transactions.inTransaction(() -> {
            outbox.enqueue(message, at, at.plus(Duration.ofMinutes(5)));
            return null;
        });
    }

    private static CodeMessage message(String to, String code) {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        return new CodeMessage(id, id, CHALLENGE, new Destination(Channel.SMS, to), Locale.GERMAN, new OtpCode(code), 5,
                "EUR 40 to ACME");
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private String rawRow(String id) throws SQLException {
        try (Connection connection = connect(); ResultSet row = connection.createStatement().executeQuery(
                "SELECT * FROM outbox_message WHERE id = '" + id + "'")) {
            StringBuilder dump = new StringBuilder();
            while (row.next()) {
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    byte[] bytes = row.getBytes(column);
                    dump.append(bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1)).append('|');
                }
            }
            return dump.toString();
        }
    }

    private boolean payloadIsNull(String id) throws SQLException {
        try (Connection connection = connect(); ResultSet row = connection.createStatement().executeQuery(
                "SELECT payload FROM outbox_message WHERE id = '" + id + "'")) {
            return row.next() && row.getBytes(1) == null;
        }
    }

    /**
     * The payload as the release before format numbers wrote and read it, kept here as it was:
     * this release must read what that one wrote, and write what it reads.
     */
    static final class PreviousRelease {

        static byte[] write(CodeMessage message) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(message.idempotencyKey());
                out.writeUTF(message.to().address());
                out.writeUTF(message.locale().toLanguageTag());
                out.writeUTF(message.code().digits());
                out.writeInt(message.validMinutes());
                out.writeBoolean(message.summary() != null);
                out.writeUTF(message.summary() == null ? "" : message.summary());
            }
            return bytes.toByteArray();
        }

        static CodeMessage read(String messageId, byte[] payload) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
                String key = in.readUTF();
                String destination = in.readUTF();
                Locale locale = Locale.forLanguageTag(in.readUTF());
                String code = in.readUTF();
                int minutes = in.readInt();
                boolean hasSummary = in.readBoolean();
                String summary = in.readUTF();
                return new CodeMessage(messageId, key, CHALLENGE, new Destination(Channel.SMS, destination), locale,
                        new OtpCode(code), minutes, hasSummary ? summary : null);
            }
        }
    }
}
