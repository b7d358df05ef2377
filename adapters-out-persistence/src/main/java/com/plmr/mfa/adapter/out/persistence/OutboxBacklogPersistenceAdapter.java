package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.OutboxBacklogPort;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The outbox backlog in two plain reads of {@code ix_outbox_due}, which lock nothing (InnoDB's
 * consistent reads): the earliest due next attempt is one index lookup, and the count stops at the
 * limit, so neither costs more however long the backlog grows. Finished messages have no next
 * attempt (NULL) and fall outside the range.
 */
@Singleton
@ReportsUnavailableStore
class OutboxBacklogPersistenceAdapter implements OutboxBacklogPort {

    private final ConnectionOperations<Connection> connections;
    private final JdbcTransactionAdapter transactions;

    OutboxBacklogPersistenceAdapter(ConnectionOperations<Connection> connections, JdbcTransactionAdapter transactions) {
        this.connections = connections;
        this.transactions = transactions;
    }

    @Override
    public DueMessages due(Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        return transactions.inTransaction(() -> {
            try (PreparedStatement oldest = connection().prepareStatement(
                    "SELECT MIN(next_attempt_at) FROM outbox_message WHERE next_attempt_at <= ?");
                 PreparedStatement count = connection().prepareStatement("SELECT COUNT(*) FROM (SELECT 1"
                         + " FROM outbox_message WHERE next_attempt_at <= ? LIMIT ?) AS due")) {
                oldest.setTimestamp(1, at);
                Optional<Instant> earliest = Optional.ofNullable(single(oldest).getTimestamp(1)).map(Timestamp::toInstant);
                if (earliest.isEmpty()) {
                    return new DueMessages(0, Optional.empty());
                }
                count.setTimestamp(1, at);
                count.setInt(2, limit);
                return new DueMessages(single(count).getInt(1), earliest);
            } catch (SQLException e) {
                throw new IllegalStateException("outbox backlog query failed", e);
            }
        });
    }

    /** The one row of an aggregate query, positioned on it. */
    private static ResultSet single(PreparedStatement statement) throws SQLException {
        ResultSet row = statement.executeQuery();
        if (!row.next()) {
            throw new SQLException("an aggregate query returned no row");
        }
        return row;
    }

    private Connection connection() {
        return connections.getConnectionStatus().getConnection();
    }
}
