package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two starts on one schema: the second has the migration lock only once the first lets go of it,
 * and a start on another schema of the same server never waits for it. Each start asks with no
 * wait at all, so nothing here depends on the time a wait takes.
 */
class MigrationLockTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    @Test
    void a_second_start_on_the_schema_has_the_lock_only_after_the_first_lets_go() {
        String url = TestDatabase.isolatedProperties().get("datasources.default.url");

        try (MigrationLock first = MigrationLock.acquire(url, "root", "", NO_WAIT).orElseThrow()) {
            assertThat(first.name()).startsWith("mfa-totp migration mfa_test_");
            assertThat(MigrationLock.acquire(url, "root", "", NO_WAIT)).as("while the first holds it").isEmpty();
        }
        Optional<MigrationLock> second = MigrationLock.acquire(url, "root", "", NO_WAIT);
        assertThat(second).as("once the first let go").isPresent();
        second.get().close();
    }

    @Test
    void a_start_on_another_schema_of_the_server_does_not_wait() {
        String one = TestDatabase.isolatedProperties().get("datasources.default.url");
        String other = TestDatabase.isolatedProperties().get("datasources.default.url");

        try (MigrationLock held = MigrationLock.acquire(one, "root", "", NO_WAIT).orElseThrow();
             MigrationLock elsewhere = MigrationLock.acquire(other, "root", "", NO_WAIT).orElseThrow()) {
            assertThat(elsewhere.name()).isNotEqualTo(held.name());
        }
    }

    @Test
    void a_database_that_cannot_be_asked_gives_no_lock_and_the_start_goes_on() {
        assertThat(MigrationLock.acquire("jdbc:mysql://127.0.0.1:1/none", "root", "", NO_WAIT)).isEmpty();
    }
}
