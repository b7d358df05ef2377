package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.EraseUserDataPort;
import com.plmr.mfa.domain.user.UserErasure;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Erases one user's rows in plain SQL on the caller's transaction. The user's challenges are locked
 * first and their outbox messages deleted after, the order an initiate takes them in (challenge row,
 * then the new message), so an erase and an initiate of the same user queue instead of deadlocking;
 * recovery codes go set first, then codes, the order their generation takes.
 * Every statement finds its rows through an index on the user (or the challenge) id. The user's audit
 * events stay, pseudonymised (see {@link EraseUserDataPort}).
 */
@Singleton
@ReportsUnavailableStore
class UserErasurePersistenceAdapter implements EraseUserDataPort {

    private final ConnectionOperations<Connection> connections;

    UserErasurePersistenceAdapter(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public UserErasure eraseAllOf(UserId user, String pseudonym, Instant at) {
        String id = user.value();
        try {
            List<String> challenges = challengesLocked(id);
            int messages = 0;
            for (String challenge : challenges) {
                messages += update("DELETE FROM outbox_message WHERE challenge_id = ?", challenge);
            }
            messages += update("DELETE FROM outbox_message WHERE user_id = ?", id);
            int challengeRows = update("DELETE FROM challenge WHERE user_id = ?", id);
            int registrations = update("DELETE FROM totp_registration WHERE user_id = ?", id);
            int contacts = update("DELETE FROM user_contact WHERE user_id = ?", id);
            int quotas = update("DELETE FROM send_quota WHERE quota_key = ?", "u:" + id);
            int streaks = update("DELETE FROM verify_failure_streak WHERE user_id = ?", id);
            update("DELETE FROM recovery_code_set WHERE user_id = ?", id);
            int recoveryCodes = update("DELETE FROM recovery_code WHERE user_id = ?", id);
            update("UPDATE audit_event SET user_id = ?, destination = NULL, note = NULL WHERE user_id = ?", pseudonym, id);
            update("UPDATE audit_event SET actor_id = ? WHERE actor_id = ? AND actor_kind = 'USER'", pseudonym, id);
            return new UserErasure(user, contacts, registrations, challengeRows, messages, quotas, streaks,
                    recoveryCodes, at);
        } catch (SQLException e) {
            throw new IllegalStateException("user erasure statement failed", e);
        }
    }

    private List<String> challengesLocked(String user) throws SQLException {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT id FROM challenge WHERE user_id = ? FOR UPDATE")) {
            select.setString(1, user);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private int update(String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private Connection connection() {
        return connections.getConnectionStatus().getConnection();
    }
}
