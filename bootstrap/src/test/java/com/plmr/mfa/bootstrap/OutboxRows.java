package com.plmr.mfa.bootstrap;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the outbox and the challenge rows straight from the test schema, the way an operator (or an attacker with a dump) would. */
final class OutboxRows {

    /** One outbox row as stored; a finished row has no next attempt ({@code null}). */
    record Row(String id, String status, int attempts, byte[] payload, Instant nextAttemptAt, String lastError,
               String providerMessageId) {
    }

    private final String url;

    OutboxRows(Map<String, String> databaseProperties) {
        this.url = databaseProperties.get("datasources.default.url");
    }

    List<Row> forChallenge(String challengeId) {
        List<Row> rows = new ArrayList<>();
        query("SELECT id, status, attempts, payload, next_attempt_at, last_error, provider_message_id"
                + " FROM outbox_message WHERE challenge_id = ? ORDER BY created_at", challengeId, result -> {
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getString(2), result.getInt(3), result.getBytes(4),
                        nextAttempt(result.getTimestamp(5)), result.getString(6), result.getString(7)));
            }
        });
        return rows;
    }

    private static Instant nextAttempt(java.sql.Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    Row single(String challengeId) {
        List<Row> rows = forChallenge(challengeId);
        if (rows.size() != 1) {
            throw new AssertionError("expected one outbox row for " + challengeId + ", found " + rows.size());
        }
        return rows.get(0);
    }

    /**
     * Lets the claim on a message run out now, as its lease would with time: the message is due
     * again from its creation on. Time passes here instead of in a wait.
     */
    void expireLease(String messageId) {
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE outbox_message SET next_attempt_at = created_at WHERE id = ? AND next_attempt_at IS NOT NULL")) {
            statement.setString(1, messageId);
            if (statement.executeUpdate() != 1) {
                throw new AssertionError("no claimed outbox message " + messageId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test update failed", e);
        }
    }

    /** sends_used and whether a code hash is stored, of the challenge row. */
    String codeState(String challengeId) {
        StringBuilder state = new StringBuilder();
        query("SELECT sends_used, code_hash IS NOT NULL, code_method FROM challenge WHERE id = ?", challengeId, r -> {
            while (r.next()) {
                state.append("sends=").append(r.getInt(1)).append(" hash=").append(r.getBoolean(2))
                        .append(" method=").append(r.getString(3));
            }
        });
        return state.toString();
    }

    /**
     * Every value of every table as text, binary columns decoded byte for byte, like a plain
     * {@code mysqldump}. {@code user_contact} is left out: it is the contact record itself.
     */
    String dumpWithoutContacts() {
        StringBuilder dump = new StringBuilder();
        List<String> tables = new ArrayList<>();
        query("SHOW TABLES", null, r -> {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        });
        for (String table : tables) {
            if (table.equalsIgnoreCase("user_contact")) {
                continue;
            }
            query("SELECT * FROM " + table, null, r -> {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    for (int i = 1; i <= columns; i++) {
                        byte[] bytes = r.getBytes(i);
                        dump.append(bytes == null ? "NULL" : new String(bytes, StandardCharsets.ISO_8859_1)).append('|');
                    }
                    dump.append('\n');
                }
            });
        }
        return dump.toString();
    }

    private interface Reader {
        void read(ResultSet result) throws SQLException;
    }

    private void query(String sql, String parameter, Reader reader) {
        try (Connection connection = DriverManager.getConnection(url, "root", "")) {
            if (parameter == null) {
                try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                    reader.read(result);
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, parameter);
                    try (ResultSet result = statement.executeQuery()) {
                        reader.read(result);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }
}
