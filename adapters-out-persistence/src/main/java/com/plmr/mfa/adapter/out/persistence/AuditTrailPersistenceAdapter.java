package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.AppendAuditEventPort;
import com.plmr.mfa.domain.audit.AuditEvent;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Optional;

/**
 * The audit trail in plain SQL on the caller's transaction (the use case's, which the application
 * always opens before appending): an insert only, so the event commits with the decision it
 * records or not at all. Nothing here updates a stored event; the erasure's pseudonymisation is the
 * single exception, in {@link UserErasurePersistenceAdapter}.
 */
@Singleton
@ReportsUnavailableStore
class AuditTrailPersistenceAdapter implements AppendAuditEventPort {

    private final ConnectionOperations<Connection> connections;

    AuditTrailPersistenceAdapter(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public void append(AuditEvent event) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO audit_event (id, occurred_at, type,"
                + " reason, actor_kind, actor_id, user_id, challenge_id, factor_id, method, destination, request_id,"
                + " steps_off) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            AuditEvent.Subject subject = event.subject();
            insert.setString(1, event.id());
            insert.setTimestamp(2, Timestamp.from(event.at()));
            insert.setString(3, event.type().code());
            text(insert, 4, event.reason().map(reason -> reason.code()));
            insert.setString(5, event.actor().kind().name());
            insert.setString(6, event.actor().name());
            text(insert, 7, subject.userId());
            text(insert, 8, subject.challengeId());
            text(insert, 9, subject.factorId());
            text(insert, 10, subject.method().map(Enum::name));
            text(insert, 11, subject.destination());
            text(insert, 12, event.requestId());
            if (event.stepsOff().isPresent()) {
                insert.setLong(13, event.stepsOff().get());
            } else {
                insert.setNull(13, Types.INTEGER);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit event insert failed", e);
        }
    }

    private static void text(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private Connection connection() {
        return connections.getConnectionStatus().getConnection();
    }
}
