package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The updates of rows a transaction holds locked, sent at once or, inside {@link #combining}, held
 * back and sent together when the work returns: one multi-table {@code UPDATE a u1, b u2 SET ...
 * WHERE u1.k = ? AND u2.k = ?} (MySQL and MariaDB), one round trip whatever the number of rows.
 * A later update of a held row replaces its columns' earlier values.
 *
 * <p>Only rows the transaction read {@code FOR UPDATE} are updated here: nobody else can change or
 * delete them before the commit, so holding the update back changes no outcome, and the statement
 * finds every row it names. It must: the rows are joined, so one missing row would leave them all
 * unchanged, and the statement is refused (the transaction rolls back) unless it matched each row.
 * The work does not read a held row back; statements that answer something (a compare-and-set, an
 * insert, a read) run at once. The held updates belong to the calling thread, where the
 * transaction is, and are dropped when the work throws, as the transaction rolls back.
 */
@Singleton
class CombinedUpdates {

    private final ConnectionOperations<Connection> connections;
    private final ThreadLocal<Map<Row.Key, Row>> held = new ThreadLocal<>();

    CombinedUpdates(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Runs {@code work} with the updates it makes held back and sent as one statement when it returns. */
    <T> T combining(Supplier<T> work) {
        if (held.get() != null) {
            return work.get();
        }
        held.set(new LinkedHashMap<>());
        try {
            T result = work.get();
            send(List.copyOf(held.get().values()));
            return result;
        } finally {
            held.remove();
        }
    }

    /** Updates a row this transaction holds locked: now, or with the others of {@link #combining}. */
    void update(Row row) {
        Map<Row.Key, Row> rows = held.get();
        if (rows == null) {
            send(List.of(row));
        } else {
            rows.merge(row.key(), row, Row::then);
        }
    }

    private void send(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> tables = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Object> keyValues = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String alias = "u" + (i + 1);
            tables.add(row.key().table() + " " + alias);
            row.columns().forEach((column, value) -> {
                assignments.add(alias + "." + column + " = ?");
                values.add(value);
            });
            keys.add(alias + "." + row.key().column() + " = ?");
            keyValues.add(row.key().value());
        }
        values.addAll(keyValues);
        String sql = "UPDATE " + String.join(", ", tables) + " SET " + String.join(", ", assignments)
                + " WHERE " + String.join(" AND ", keys);
        try (PreparedStatement update = connections.getConnectionStatus().getConnection().prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                update.setObject(i + 1, values.get(i) instanceof Instant instant ? Timestamp.from(instant) : values.get(i));
            }
            int matched = update.executeUpdate();
            if (matched != rows.size()) {
                throw new IllegalStateException("update matched " + matched + " of the " + rows.size()
                        + " locked rows it names: " + sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + sql, e);
        }
    }

    /**
     * The new values of some columns of one row, found by its key. Table and column names are
     * constants of the adapters, never input.
     */
    record Row(Key key, Map<String, Object> columns) {

        Row {
            Objects.requireNonNull(key, "key");
            columns = new LinkedHashMap<>(columns);
        }

        /** Starts the update of the row of {@code table} whose {@code column} is {@code value}. */
        static Row of(String table, String column, Object value) {
            return new Row(new Key(table, column, value), new LinkedHashMap<>());
        }

        /** The same update setting {@code column} to {@code value} too (which may be null). */
        Row set(String column, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(columns);
            more.put(column, value);
            return new Row(key, more);
        }

        private Row then(Row later) {
            Map<String, Object> merged = new LinkedHashMap<>(columns);
            merged.putAll(later.columns());
            return new Row(key, merged);
        }

        record Key(String table, String column, Object value) {
        }
    }
}
