package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.LockChallengeForVerifyPort.ChallengeUnderVerify;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.Transition;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A verify's read of the challenge, the streak and the apps, and its updates sent together, on the
 * real server: what the joins read, that held updates land together when the work returns and not
 * before, and that they never land in part.
 */
@MicronautTest(transactional = false, startApplication = false)
class CombinedUpdatesTest extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:07Z");

    @Inject
    ChallengePersistenceAdapter challenges;
    @Inject
    ChallengeForVerifyPersistenceAdapter verifies;
    @Inject
    AbuseLimitsPersistenceAdapter streaks;
    @Inject
    TotpRegistrationPersistenceAdapter registrations;
    @Inject
    TransactionPort transactions;
    @Inject
    SecretSealer sealer;
    @Inject
    ConnectionOperations<Connection> connections;

    @Test
    void an_app_verify_reads_the_user_s_apps_oldest_first_with_the_challenge_and_the_streak() {
        UserId user = newUser();
        Challenge challenge = challengeOf(user);
        TotpRegistration older = app(user, NOW.minusSeconds(60));
        TotpRegistration newer = app(user, NOW);
        withStreak(user, new FailureStreak(3, null));

        ChallengeUnderVerify read = lock(challenge.id(), ChallengeMethod.APP);

        assertThat(read.challenge()).isEqualTo(challenge);
        assertThat(read.streak()).isEqualTo(new FailureStreak(3, null));
        assertThat(read.apps()).containsExactly(older, newer);
        assertThat(lock(challenge.id(), ChallengeMethod.SMS).apps()).isEmpty();
    }

    @Test
    void a_user_without_a_streak_row_gets_one_and_the_apps_are_read_after_it() {
        UserId user = newUser();
        Challenge challenge = challengeOf(user);
        TotpRegistration only = app(user, NOW);

        ChallengeUnderVerify read = lock(challenge.id(), ChallengeMethod.APP);

        assertThat(read.streak()).isEqualTo(FailureStreak.none());
        assertThat(read.apps()).containsExactly(only);
        assertThat(lock(challenge.id(), ChallengeMethod.APP).apps()).containsExactly(only);
    }

    @Test
    void a_user_without_apps_is_read_with_none() {
        UserId user = newUser();
        Challenge challenge = challengeOf(user);
        withStreak(user, FailureStreak.none());

        assertThat(lock(challenge.id(), ChallengeMethod.APP).apps()).isEmpty();
    }

    @Test
    void updates_of_locked_rows_are_held_back_and_land_together_when_the_work_returns() {
        UserId user = newUser();
        Challenge challenge = challengeOf(user);
        TotpRegistration app = app(user, NOW);
        withStreak(user, FailureStreak.none());
        Challenge cancelled = ((Transition) challenge.cancel(NOW.plusSeconds(1))).challenge();
        TotpRegistration failed = app.failed(new TotpPolicy("ACME", TotpParameters.defaults(), 3, Duration.ofMinutes(5)),
                NOW.plusSeconds(1));

        transactions.inTransaction(() -> {
            ChallengeUnderVerify read = verifies.lockForVerify(challenge.id(), ChallengeMethod.APP).orElseThrow();
            transactions.combiningUpdates(() -> {
                challenges.save(cancelled);
                streaks.record(user, new FailureStreak(1, null));
                registrations.recordFailures(failed);
                assertThat(ownRead("SELECT failures FROM verify_failure_streak WHERE user_id = ?", user.value()))
                        .isZero();
                assertThat(ownRead("SELECT consecutive_failures FROM totp_registration WHERE id = ?",
                        app.id().value())).isZero();
                return null;
            });
            assertThat(ownRead("SELECT failures FROM verify_failure_streak WHERE user_id = ?", user.value())).isOne();
            return read;
        });

        assertThat(challenges.load(challenge.id())).contains(cancelled);
        assertThat(lock(challenge.id(), ChallengeMethod.APP).streak()).isEqualTo(new FailureStreak(1, null));
        assertThat(registrations.registrationOf(user, app.id())).contains(failed);
    }

    @Test
    void an_update_whose_row_is_not_there_rolls_the_transaction_back_instead_of_dropping_the_others() {
        UserId user = newUser();
        Challenge challenge = challengeOf(user);
        Challenge cancelled = ((Transition) challenge.cancel(NOW.plusSeconds(1))).challenge();

        assertThatThrownBy(() -> transactions.inTransaction(() -> transactions.combiningUpdates(() -> {
            challenges.save(cancelled);
            streaks.record(newUser(), new FailureStreak(1, null));
            return null;
        }))).isInstanceOf(IllegalStateException.class).hasMessageContaining("matched 0 of the 2");

        assertThat(challenges.load(challenge.id())).contains(challenge);
    }

    @Test
    void held_updates_are_dropped_when_the_work_throws() {
        UserId user = newUser();
        Challenge challenge = challengeOf(user);
        Challenge cancelled = ((Transition) challenge.cancel(NOW.plusSeconds(1))).challenge();

        assertThatThrownBy(() -> transactions.inTransaction(() -> transactions.combiningUpdates(() -> {
            challenges.save(cancelled);
            throw new IllegalArgumentException("refused");
        }))).hasMessage("refused");
        transactions.inTransaction(() -> transactions.combiningUpdates(() -> null));

        assertThat(challenges.load(challenge.id())).contains(challenge);
    }

    private ChallengeUnderVerify lock(ChallengeId id, ChallengeMethod method) {
        return transactions.inTransaction(() -> verifies.lockForVerify(id, method)).orElseThrow();
    }

    private static UserId newUser() {
        return new UserId("u-" + UUID.randomUUID());
    }

    private Challenge challengeOf(UserId user) {
        Challenge challenge = Challenge.open(new ChallengeId("ch_" + UUID.randomUUID().toString().replace("-", "")),
                user, new StepUpContext("payment", "pay-1", "sha256:ab", "EUR 40 to ACME"),
                Set.of(ChallengeMethod.APP, ChallengeMethod.SMS), Locale.GERMANY, ChallengePolicy.defaults(), NOW);
        transactions.inTransaction(() -> {
            challenges.add(challenge);
            return null;
        });
        return challenge;
    }

    private TotpRegistration app(UserId user, Instant created) {
        TotpRegistration app = TotpRegistration.start(new TotpRegistrationId("totp_" + UUID.randomUUID()), user,
                TotpParameters.defaults(), "ACME", "jane", TotpSecret.random(new Random(7), HmacAlgorithm.SHA1), sealer,
                created);
        transactions.inTransaction(() -> {
            registrations.add(app);
            return null;
        });
        return app;
    }

    private void withStreak(UserId user, FailureStreak streak) {
        transactions.inTransaction(() -> {
            streaks.lockStreak(user);
            streaks.record(user, streak);
            return null;
        });
    }

    /** A read on the transaction's own connection, which sees what it wrote so far. */
    private int ownRead(String query, String key) {
        return transactions.inTransaction(() -> {
            try (PreparedStatement statement = connectionOfTransaction().prepareStatement(query)) {
                statement.setString(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    return rows.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Connection connectionOfTransaction() {
        return connections.getConnectionStatus().getConnection();
    }
}
