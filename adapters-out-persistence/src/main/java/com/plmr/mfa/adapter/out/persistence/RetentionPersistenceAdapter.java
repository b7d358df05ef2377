package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.PurgeExpiredDataPort;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The purge in plain SQL. Every batch is one short READ COMMITTED transaction in two steps: it locks
 * the oldest expired rows with {@code SELECT ... ORDER BY ... LIMIT n FOR UPDATE SKIP LOCKED} (the same
 * claim the outbox dispatcher makes), then deletes exactly those rows by primary key. A row another
 * transaction holds (a purge on another instance, a verify on a challenge) is skipped, never waited
 * for, so concurrent purges take disjoint batches; at READ COMMITTED the scan takes no gap locks, so
 * no insert of a new row waits for a purge. Each age condition is a range of an index
 * (changelog 005, 008 and 009), oldest first, so a batch reads little more than the rows it deletes.
 */
@Singleton
@ReportsUnavailableStore
class RetentionPersistenceAdapter implements PurgeExpiredDataPort {

    private static final TransactionDefinition BATCH = batchDefinition();
    private final ConnectionOperations<Connection> connections;
    private final JdbcTransactionAdapter transactions;

    RetentionPersistenceAdapter(ConnectionOperations<Connection> connections, JdbcTransactionAdapter transactions) {
        this.connections = connections;
        this.transactions = transactions;
    }

    private static TransactionDefinition batchDefinition() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        definition.setName("purge batch");
        return definition;
    }

    @Override
    public int purgeChallengesEndedBefore(Instant cutoff, int limit) {
        return transactions.inTransaction(BATCH, () -> {
            List<List<Object>> ids = lock("SELECT id FROM challenge WHERE expires_at < ?"
                    + " ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED", 1, Timestamp.from(cutoff), limit);
            delete("outbox_message", "challenge_id", ids);
            return delete("challenge", "id", ids);
        });
    }

    @Override
    public int purgeOutboxMessagesFinishedBefore(Instant cutoff, int limit) {
        return transactions.inTransaction(BATCH, () -> delete("outbox_message", "id", lock(
                "SELECT id FROM outbox_message WHERE updated_at < ? AND next_attempt_at IS NULL"
                        + " ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED", 1, Timestamp.from(cutoff), limit)));
    }

    @Override
    public int purgeSendQuotasEndedBefore(Instant cutoff, int limit) {
        Timestamp before = Timestamp.from(cutoff);
        return transactions.inTransaction(BATCH, () -> delete("send_quota", "quota_key, window_seconds, window_start",
                lock("SELECT quota_key, window_seconds, window_start FROM send_quota WHERE window_start < ?"
                        + " AND TIMESTAMPADD(SECOND, window_seconds, window_start) < ?"
                        + " ORDER BY window_start LIMIT ? FOR UPDATE SKIP LOCKED", 3, before, before, limit)));
    }

    @Override
    public int purgeUnverifiedRegistrationsStartedBy(Instant cutoff, int limit) {
        return transactions.inTransaction(BATCH, () -> delete("totp_registration", "id", lock(
                "SELECT id FROM totp_registration WHERE state = 'UNVERIFIED' AND created_at <= ?"
                        + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED", 1, Timestamp.from(cutoff), limit)));
    }

    @Override
    public int purgeFailureStreaksIdleSince(Instant cutoff, int limit) {
        return transactions.inTransaction(BATCH, () -> delete("verify_failure_streak", "user_id", lock(
                "SELECT user_id FROM verify_failure_streak WHERE (failures = 0 AND locked_until IS NULL)"
                        + " OR locked_until < ? ORDER BY user_id LIMIT ? FOR UPDATE SKIP LOCKED", 1,
                Timestamp.from(cutoff), limit)));
    }

    @Override
    public int purgeAuditEventsBefore(Instant cutoff, int limit) {
        return transactions.inTransaction(BATCH, () -> delete("audit_event", "id", lock(
                "SELECT id FROM audit_event WHERE occurred_at < ? ORDER BY occurred_at, id LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED", 1, Timestamp.from(cutoff), limit)));
    }

    /** Runs a locking select and returns the first {@code columns} columns of each row: the rows' keys. */
    private List<List<Object>> lock(String select, int columns, Object... parameters) {
        try (PreparedStatement statement = connection().prepareStatement(select)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<Object> key = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        key.add(rows.getObject(column));
                    }
                    keys.add(key);
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("purge statement failed", e);
        }
    }

    /**
     * Deletes the rows of {@code table} whose {@code keyColumns} equal one of {@code keys}, one
     * equality per key (a JDBC batch): a row-constructor {@code IN} would make MariaDB scan and lock
     * the whole table, waiting for every row someone else holds.
     */
    private int delete(String table, String keyColumns, List<List<Object>> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        String sql = "DELETE FROM " + table + " WHERE " + Arrays.stream(keyColumns.split(", "))
                .map(column -> column + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            for (List<Object> key : keys) {
                for (int i = 0; i < key.size(); i++) {
                    statement.setObject(i + 1, key.get(i));
                }
                statement.addBatch();
            }
            return Arrays.stream(statement.executeBatch()).sum();
        } catch (SQLException e) {
            throw new IllegalStateException("purge statement failed", e);
        }
    }

    private Connection connection() {
        return connections.getConnectionStatus().getConnection();
    }
}
