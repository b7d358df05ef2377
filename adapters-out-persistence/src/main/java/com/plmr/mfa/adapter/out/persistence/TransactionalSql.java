package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL on the caller's transaction, for the adapters whose statements span tables by a user's id. */
@Singleton
class TransactionalSql {

    private final ConnectionOperations<Connection> connections;

    TransactionalSql(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** @return the rows the statement changed */
    int update(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** The first column of every row the query answers, as text, in its order. */
    List<String> texts(String sql, Object... parameters) {
        try (PreparedStatement select = prepare(sql, parameters); ResultSet rows = select.executeQuery()) {
            List<String> texts = new ArrayList<>();
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
            return texts;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connections.getConnectionStatus().getConnection().prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
