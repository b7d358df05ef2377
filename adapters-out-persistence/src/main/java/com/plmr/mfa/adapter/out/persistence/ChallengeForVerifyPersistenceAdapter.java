package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.LockChallengeForVerifyPort;
import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Optional;

/**
 * Reads a challenge for a verify and its user's failure streak in one statement: the challenge's
 * row joined with the streak's row on the user, both locked ({@code SELECT ... FOR UPDATE}; a left
 * join reads, and so locks, the challenge first). A user without a streak row (no verify yet, or
 * one the purge removed) gets one created and locked by two more statements, once.
 *
 * <p>The join takes no lock on a missing streak row: the pool runs at READ COMMITTED (ADR 0003),
 * where a locking read that finds nothing locks no gap. At REPEATABLE READ it would lock the gap
 * where the row would be, and two verifies of users whose rows fall into one gap would deadlock on
 * creating them.
 */
@Singleton
@ReportsUnavailableStore
class ChallengeForVerifyPersistenceAdapter implements LockChallengeForVerifyPort {

    private static final String CHALLENGE_AND_STREAK = "SELECT c.*, s.failures AS streak_failures,"
            + " s.locked_until AS streak_locked_until FROM challenge c"
            + " LEFT JOIN verify_failure_streak s ON s.user_id = c.user_id WHERE c.id = ? FOR UPDATE";
    private final JdbcOperations jdbc;
    private final AbuseLimitsPersistenceAdapter streaks;

    ChallengeForVerifyPersistenceAdapter(JdbcOperations jdbc, AbuseLimitsPersistenceAdapter streaks) {
        this.jdbc = jdbc;
        this.streaks = streaks;
    }

    @Override
    public Optional<ChallengeUnderVerify> lockForVerify(ChallengeId id) {
        return jdbc.prepareStatement(CHALLENGE_AND_STREAK, statement -> {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<Read>empty();
                }
                Challenge challenge = ChallengeRowMapper.toDomain(jdbc.readEntity(rows, ChallengeRow.class));
                int failures = rows.getInt("streak_failures");
                return Optional.of(new Read(challenge, rows.wasNull() ? Optional.empty() : Optional.of(
                        AbuseLimitsPersistenceAdapter.streak(failures, rows.getTimestamp("streak_locked_until")))));
            }
        }).map(read -> new ChallengeUnderVerify(read.challenge(),
                read.streak().orElseGet(() -> streaks.lockStreak(read.challenge().userId()))));
    }

    /** What the join read: the challenge, and the streak when the user has a row. */
    private record Read(Challenge challenge, Optional<FailureStreak> streak) {
    }
}
