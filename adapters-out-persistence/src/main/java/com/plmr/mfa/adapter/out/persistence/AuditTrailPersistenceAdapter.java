package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.in.ReadAuditTrailUseCase.Query;
import com.plmr.mfa.application.port.out.AppendAuditEventPort;
import com.plmr.mfa.application.port.out.LoadAuditEventsPort;
import com.plmr.mfa.domain.audit.AuditActor;
import com.plmr.mfa.domain.audit.AuditEvent;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail in plain SQL on the caller's transaction (the use case's, which the application
 * always opens before appending): an insert only, so the event commits with the decision it
 * records or not at all. Nothing here updates a stored event; the erasure's pseudonymisation is the
 * single exception, in {@link UserErasurePersistenceAdapter}.
 *
 * <p>The query reads in (occurred_at, id) order from a position with a row-value comparison spelled
 * out ({@code occurred_at > ? OR (occurred_at = ? AND id > ?)}), which MariaDB and MySQL both
 * answer from a range of the index that leads with the filter's column (changelog 009). A row of a
 * type this instance does not know (written by a newer one during a rolling deploy) is left out.
 */
@Singleton
@ReportsUnavailableStore
class AuditTrailPersistenceAdapter implements AppendAuditEventPort, LoadAuditEventsPort {

    private final ConnectionOperations<Connection> connections;
    private final JdbcTransactionAdapter transactions;

    AuditTrailPersistenceAdapter(ConnectionOperations<Connection> connections, JdbcTransactionAdapter transactions) {
        this.connections = connections;
        this.transactions = transactions;
    }

    @Override
    public void append(AuditEvent event) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO audit_event (id, occurred_at, type,"
                + " reason, actor_kind, actor_id, user_id, challenge_id, factor_id, method, destination, request_id,"
                + " steps_off, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            text(insert, 14, event.note());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit event insert failed", e);
        }
    }

    @Override
    public List<AuditEvent> find(Query query, int limit) {
        return transactions.inTransaction(() -> select(query, limit));
    }

    private List<AuditEvent> select(Query query, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, type, reason, actor_kind, actor_id, user_id,"
                + " challenge_id, factor_id, method, destination, request_id, steps_off, note FROM audit_event WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        query.user().ifPresent(user -> condition(sql, parameters, " AND user_id = ?", user));
        query.challenge().ifPresent(challenge -> condition(sql, parameters, " AND challenge_id = ?", challenge));
        query.type().ifPresent(type -> condition(sql, parameters, " AND type = ?", type));
        query.from().ifPresent(from -> condition(sql, parameters, " AND occurred_at >= ?", Timestamp.from(from)));
        query.to().ifPresent(to -> condition(sql, parameters, " AND occurred_at < ?", Timestamp.from(to)));
        query.after().ifPresent(after -> {
            Timestamp at = Timestamp.from(after.at());
            condition(sql, parameters, " AND (occurred_at > ? OR (occurred_at = ? AND id > ?))", at, at, after.id());
        });
        sql.append(" ORDER BY occurred_at, id LIMIT ?");
        parameters.add(limit);
        try (PreparedStatement select = connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    event(rows).ifPresent(events::add);
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("audit event query failed", e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object... values) {
        sql.append(condition);
        parameters.addAll(List.of(values));
    }

    private static Optional<AuditEvent> event(ResultSet row) throws SQLException {
        Optional<AuditType> type = AuditType.ofCode(row.getString("type"));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        long stepsOff = row.getLong("steps_off");
        Optional<Long> drift = row.wasNull() ? Optional.empty() : Optional.of(stepsOff);
        AuditEvent.Subject subject = new AuditEvent.Subject(Optional.ofNullable(row.getString("user_id")),
                Optional.ofNullable(row.getString("challenge_id")), Optional.ofNullable(row.getString("factor_id")),
                Optional.ofNullable(row.getString("method")).map(ChallengeMethod::valueOf),
                Optional.ofNullable(row.getString("destination")));
        return Optional.of(new AuditEvent(row.getString("id"), row.getTimestamp("occurred_at").toInstant(), type.get(),
                Optional.ofNullable(row.getString("reason")).flatMap(AuditReason::ofCode),
                new AuditActor(AuditActor.Kind.valueOf(row.getString("actor_kind")), row.getString("actor_id")), subject,
                Optional.ofNullable(row.getString("request_id")), drift, Optional.ofNullable(row.getString("note"))));
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
