package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.LoadRecoveryCodesPort;
import com.plmr.mfa.application.port.out.ReplaceRecoveryCodesPort;
import com.plmr.mfa.application.port.out.UseRecoveryCodePort;
import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recovery codes in plain SQL on the caller's transaction (changelog 012). A replacement writes the
 * user's set row first ({@code INSERT ... ON DUPLICATE KEY UPDATE}, which locks it at once), so two
 * generations for one user queue on it, then deletes the earlier codes and inserts the new ones; a
 * use is one conditional update of one code row.
 */
@Singleton
@ReportsUnavailableStore
class RecoveryCodePersistenceAdapter implements ReplaceRecoveryCodesPort, LoadRecoveryCodesPort, UseRecoveryCodePort {

    private final ConnectionOperations<Connection> connections;

    RecoveryCodePersistenceAdapter(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public boolean replace(UserId user, List<byte[]> codeHashes, Instant created) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement set = connection.prepareStatement("INSERT INTO recovery_code_set"
                + " (user_id, generated, created_at) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE generated = ?, created_at = ?");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM recovery_code WHERE user_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO recovery_code"
                     + " (user_id, code_hash, used_at) VALUES (?, ?, NULL)")) {
            set.setString(1, user.value());
            set.setInt(2, codeHashes.size());
            set.setTimestamp(3, Timestamp.from(created));
            set.setInt(4, codeHashes.size());
            set.setTimestamp(5, Timestamp.from(created));
            set.executeUpdate();
            delete.setString(1, user.value());
            boolean replaced = delete.executeUpdate() > 0;
            for (byte[] hash : codeHashes) {
                insert.setString(1, user.value());
                insert.setBytes(2, hash);
                insert.addBatch();
            }
            insert.executeBatch();
            return replaced;
        } catch (SQLException e) {
            throw new IllegalStateException("recovery code statement failed", e);
        }
    }

    @Override
    public Optional<RecoveryCodeSummary> summaryOf(UserId user) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement select = connection.prepareStatement("SELECT s.generated, s.created_at,"
                + " SUM(c.code_hash IS NOT NULL AND c.used_at IS NULL), MAX(c.used_at)"
                + " FROM recovery_code_set s LEFT JOIN recovery_code c ON c.user_id = s.user_id"
                + " WHERE s.user_id = ? GROUP BY s.generated, s.created_at")) {
            select.setString(1, user.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Timestamp lastUsed = rows.getTimestamp(4);
                return Optional.of(new RecoveryCodeSummary(rows.getInt(3), rows.getInt(1),
                        rows.getTimestamp(2).toInstant(), Optional.ofNullable(lastUsed).map(Timestamp::toInstant)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recovery code statement failed", e);
        }
    }

    @Override
    public boolean markUsed(UserId user, byte[] codeHash, Instant now) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement update = connection.prepareStatement("UPDATE recovery_code SET used_at = ?"
                + " WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, user.value());
            update.setBytes(3, codeHash);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("recovery code statement failed", e);
        }
    }
}
