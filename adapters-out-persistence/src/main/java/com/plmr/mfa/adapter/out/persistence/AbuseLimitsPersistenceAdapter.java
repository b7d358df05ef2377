package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.FailureLedgerPort;
import com.plmr.mfa.application.port.out.SendQuotaPort;
import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.abuse.SendQuota;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Abuse counters in plain SQL on the caller's transaction connection. Every counter row is
 * written before it is read ({@code INSERT ... ON DUPLICATE KEY UPDATE}), which takes its row
 * lock at once: concurrent callers on any instance queue on the row instead of reading a stale
 * count, and rows are locked in one global order (sorted keys) so two sends never deadlock.
 */
@Singleton
@ReportsUnavailableStore
class AbuseLimitsPersistenceAdapter implements SendQuotaPort, FailureLedgerPort {

    private static final Comparator<SendQuota> LOCK_ORDER = Comparator.comparing(SendQuota::key)
            .thenComparing(quota -> quota.window().toSeconds()).thenComparing(SendQuota::windowStart);
    private final ConnectionOperations<Connection> connections;
    private final CombinedUpdates updates;

    AbuseLimitsPersistenceAdapter(ConnectionOperations<Connection> connections, CombinedUpdates updates) {
        this.connections = connections;
        this.updates = updates;
    }

    @Override
    public List<SendQuota> tryConsume(List<SendQuota> quotas) {
        List<SendQuota> ordered = quotas.stream().sorted(LOCK_ORDER).toList();
        List<SendQuota> spent = new ArrayList<>();
        for (SendQuota quota : ordered) {
            if (count(quota, "INSERT INTO send_quota (quota_key, window_seconds, window_start, sends)"
                    + " VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE sends = sends + 1") > quota.max()) {
                spent.add(quota);
            }
        }
        if (!spent.isEmpty()) {
            ordered.forEach(quota -> count(quota, "UPDATE send_quota SET sends = sends - 1"
                    + " WHERE quota_key = ? AND window_seconds = ? AND window_start = ?"));
        }
        return List.copyOf(spent);
    }

    /** Runs {@code change} on the quota's row (still locked by this transaction) and reads the new count. */
    private int count(SendQuota quota, String change) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement update = connection.prepareStatement(change);
             PreparedStatement read = connection.prepareStatement("SELECT sends FROM send_quota"
                     + " WHERE quota_key = ? AND window_seconds = ? AND window_start = ? FOR UPDATE")) {
            bind(update, quota);
            update.executeUpdate();
            bind(read, quota);
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("send quota statement failed", e);
        }
    }

    private static void bind(PreparedStatement statement, SendQuota quota) throws SQLException {
        statement.setString(1, quota.key());
        statement.setLong(2, quota.window().toSeconds());
        statement.setTimestamp(3, Timestamp.from(quota.windowStart()));
    }

    /**
     * Creates the user's streak row when there is none and locks it: two statements, for a verify
     * whose read with the challenge ({@link ChallengeForVerifyPersistenceAdapter}) found no row.
     */
    FailureStreak lockStreak(UserId user) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO verify_failure_streak"
                + " (user_id, failures, locked_until) VALUES (?, 0, NULL) ON DUPLICATE KEY UPDATE failures = failures");
             PreparedStatement read = connection.prepareStatement("SELECT failures, locked_until"
                     + " FROM verify_failure_streak WHERE user_id = ? FOR UPDATE")) {
            insert.setString(1, user.value());
            insert.executeUpdate();
            read.setString(1, user.value());
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                return streak(rows.getInt(1), rows.getTimestamp(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("failure streak statement failed", e);
        }
    }

    static FailureStreak streak(int failures, Timestamp lockedUntil) {
        return new FailureStreak(failures, lockedUntil == null ? null : lockedUntil.toInstant());
    }

    /**
     * Updates the row the verify locked (it exists: the verify read it, or created it), at once or
     * with the transaction's other updates ({@link CombinedUpdates}).
     */
    @Override
    public void record(UserId user, FailureStreak streak) {
        updates.update(CombinedUpdates.Row.of("verify_failure_streak", "user_id", user.value())
                .set("failures", streak.failures()).set("locked_until", streak.lockedUntil()));
    }
}
