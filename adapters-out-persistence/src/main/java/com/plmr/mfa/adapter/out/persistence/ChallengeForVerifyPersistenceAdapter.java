package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.LockChallengeForVerifyPort;
import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.factor.TotpRegistration;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a challenge for a verify, its user's failure streak and, for an app code, the user's
 * registrations in one statement: the challenge's row joined with the streak's row on the user and
 * the registrations' rows on the streak's user, all locked ({@code SELECT ... FOR UPDATE}). The
 * joins follow the lock order: the challenge is found by its key first, the streak by the
 * challenge's user, the registrations by the streak's user, so no registration is read, nor locked,
 * before the streak. A user without a streak row (no verify yet, or one the purge removed) gets one
 * created and locked by two more statements, once, and the registrations read after it by a third.
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
    private static final String APP = "app_";
    private static final String CHALLENGE_STREAK_AND_APPS = "SELECT c.*, s.failures AS streak_failures,"
            + " s.locked_until AS streak_locked_until, " + String.join(", ", List.of("id", "user_id", "state",
            "algorithm", "digits", "period_seconds", "window_steps", "issuer", "account_name", "secret_key_id",
            "secret_ciphertext", "last_accepted_step", "consecutive_failures", "locked_until", "created_at",
            "changed_at", "lockouts").stream().map(column -> "t." + column + " AS " + APP + column).toList())
            + " FROM challenge c LEFT JOIN verify_failure_streak s ON s.user_id = c.user_id"
            + " LEFT JOIN totp_registration t ON t.user_id = s.user_id WHERE c.id = ? ORDER BY t.created_at FOR UPDATE";
    private final JdbcOperations jdbc;
    private final AbuseLimitsPersistenceAdapter streaks;
    private final TotpRegistrationRepository registrations;

    ChallengeForVerifyPersistenceAdapter(JdbcOperations jdbc, AbuseLimitsPersistenceAdapter streaks,
                                         TotpRegistrationRepository registrations) {
        this.jdbc = jdbc;
        this.streaks = streaks;
        this.registrations = registrations;
    }

    @Override
    public Optional<ChallengeUnderVerify> lockForVerify(ChallengeId id, ChallengeMethod method) {
        boolean withApps = method == ChallengeMethod.APP;
        return jdbc.prepareStatement(withApps ? CHALLENGE_STREAK_AND_APPS : CHALLENGE_AND_STREAK, statement -> {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows, withApps)) : Optional.<Read>empty();
            }
        }).map(read -> read.streak().map(streak -> new ChallengeUnderVerify(read.challenge(), streak, read.apps()))
                .orElseGet(() -> withStreakCreated(read.challenge(), withApps)));
    }

    /** The challenge and streak of the first row, and a registration from each row that has one. */
    private Read read(ResultSet rows, boolean withApps) throws SQLException {
        Challenge challenge = ChallengeRowMapper.toDomain(jdbc.readEntity(rows, ChallengeRow.class));
        int failures = rows.getInt("streak_failures");
        Optional<FailureStreak> streak = rows.wasNull() ? Optional.empty()
                : Optional.of(AbuseLimitsPersistenceAdapter.streak(failures, rows.getTimestamp("streak_locked_until")));
        List<TotpRegistration> apps = new ArrayList<>();
        if (withApps) {
            do {
                if (rows.getString(APP + "id") != null) {
                    apps.add(jdbc.readEntity(APP, rows, TotpRegistrationRow.class).toDomain());
                }
            } while (rows.next());
        }
        return new Read(challenge, streak, apps);
    }

    /** Creates and locks the missing streak, then reads the registrations, in the lock order. */
    private ChallengeUnderVerify withStreakCreated(Challenge challenge, boolean withApps) {
        FailureStreak streak = streaks.lockStreak(challenge.userId());
        List<TotpRegistration> apps = withApps ? registrations.findByUserIdOrderByCreatedAtForUpdate(
                challenge.userId().value()).stream().map(TotpRegistrationRow::toDomain).toList() : List.of();
        return new ChallengeUnderVerify(challenge, streak, apps);
    }

    /** What the joins read: the challenge, the streak when the user has a row, the registrations read with it. */
    private record Read(Challenge challenge, Optional<FailureStreak> streak, List<TotpRegistration> apps) {
    }
}
