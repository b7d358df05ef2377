package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.ChallengeRequesterPort;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.Requester;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The requester columns of a challenge (changelog 011), in plain SQL on the caller's transaction:
 * set right after the insert that creates the challenge, read when it is consumed. The challenge's
 * own row mapping does not carry them, so no state update can touch them.
 */
@Singleton
@ReportsUnavailableStore
class ChallengeRequesterPersistenceAdapter implements ChallengeRequesterPort {

    private final ConnectionOperations<Connection> connections;

    ChallengeRequesterPersistenceAdapter(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public void remember(ChallengeId challenge, Requester requester) {
        try (PreparedStatement update = connection().prepareStatement(
                "UPDATE challenge SET requested_by = ?, nonce = ? WHERE id = ?")) {
            update.setString(1, requester.consumer());
            update.setString(2, requester.nonce());
            update.setString(3, challenge.value());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("challenge requester update failed", e);
        }
    }

    @Override
    public Requester requesterOf(ChallengeId challenge) {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT requested_by, nonce FROM challenge WHERE id = ?")) {
            select.setString(1, challenge.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Requester(row.getString(1), row.getString(2)) : new Requester(null, null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("challenge requester query failed", e);
        }
    }

    private Connection connection() {
        return connections.getConnectionStatus().getConnection();
    }
}
