package com.plmr.mfa.bootstrap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored audit events, read straight from the table, in the order the query API answers them. */
final class AuditRows {

    private final RetentionRows database;

    AuditRows(Map<String, String> databaseProperties) {
        this.database = new RetentionRows(databaseProperties);
    }

    /** Every event whose {@code column} is {@code value}, each as column name to text. */
    List<Map<String, String>> where(String column, String value) {
        List<Map<String, String>> events = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM audit_event WHERE " + column + " = ? ORDER BY occurred_at, id")) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Map<String, String> event = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        event.put(rows.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                                rows.getString(i));
                    }
                    events.add(event);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** The events of {@code user} as {@code type} or {@code type/reason}, in order. */
    List<String> decisionsOf(String user) {
        return where("user_id", user).stream().map(AuditRows::decision).toList();
    }

    static String decision(Map<String, String> event) {
        return event.get("type") + (event.get("reason") == null ? "" : "/" + event.get("reason"));
    }
}
