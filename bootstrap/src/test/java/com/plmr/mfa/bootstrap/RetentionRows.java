package com.plmr.mfa.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes and reads the rows retention and erasure act on, straight in a test schema. */
final class RetentionRows {

    private final String url;

    RetentionRows(Map<String, String> databaseProperties) {
        this.url = databaseProperties.get("datasources.default.url");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "root", "");
    }

    void clear() {
        for (String table : List.of("outbox_message", "challenge", "send_quota", "verify_failure_streak",
                "user_contact", "totp_registration", "audit_event")) {
            execute("DELETE FROM " + table);
        }
    }

    void challenge(String id, String user, Instant expiresAt) {
        execute("INSERT INTO challenge (id, user_id, allowed_methods, status, attempts_used, max_attempts, sends_used,"
                + " created_at, expires_at) VALUES (?, ?, 'SMS', 'PENDING', 0, 5, 0, ?, ?)",
                id, user, ts(expiresAt.minusSeconds(600)), ts(expiresAt));
    }

    /** An outbox message; {@code nextAttemptAt} null means finished (sent, failed or expired) at {@code updatedAt}. */
    void message(String id, String challenge, Instant updatedAt, Instant nextAttemptAt) {
        execute("INSERT INTO outbox_message (id, challenge_id, channel, status, attempts, next_attempt_at, expires_at,"
                + " created_at, updated_at) VALUES (?, ?, 'SMS', ?, 1, ?, ?, ?, ?)", id, challenge,
                nextAttemptAt == null ? "SENT" : "QUEUED", nextAttemptAt == null ? null : ts(nextAttemptAt),
                ts(updatedAt.plusSeconds(300)), ts(updatedAt), ts(updatedAt));
    }

    void quota(String key, long windowSeconds, Instant windowStart) {
        execute("INSERT INTO send_quota (quota_key, window_seconds, window_start, sends) VALUES (?, ?, ?, 1)",
                key, windowSeconds, ts(windowStart));
    }

    void streak(String user, int failures, Instant lockedUntil) {
        execute("INSERT INTO verify_failure_streak (user_id, failures, locked_until) VALUES (?, ?, ?)",
                user, failures, lockedUntil == null ? null : ts(lockedUntil));
    }

    void contact(String user, String kind, String value, Instant at) {
        execute("INSERT INTO user_contact (id, user_id, kind, value, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                user + "/" + kind, user, kind, value, ts(at), ts(at));
    }

    void auditEvent(String id, Instant at) {
        execute("INSERT INTO audit_event (id, occurred_at, type, actor_kind, actor_id) VALUES (?, ?, ?, ?, ?)", id, ts(at),
                "challenge.created", "SERVICE", "payments");
    }

    /** The first column of every row {@code select} returns, as text, in order. */
    List<String> ids(String select) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(select);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(select, e);
        }
        return ids;
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
