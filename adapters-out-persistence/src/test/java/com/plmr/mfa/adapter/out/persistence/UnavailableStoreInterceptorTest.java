package com.plmr.mfa.adapter.out.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database cannot be reached", however they are wrapped. */
class UnavailableStoreInterceptorTest {

    @Test
    void the_pools_timeout_is_unreachable_however_deeply_wrapped() {
        var timeout = new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms");

        assertThat(UnavailableStoreInterceptor.unreachable(new IllegalStateException(new RuntimeException(timeout)))).isTrue();
    }

    @Test
    void a_broken_or_silent_connection_is_unreachable() {
        assertThat(UnavailableStoreInterceptor.unreachable(
                new RuntimeException(new SQLException("Communications link failure", "08S01")))).isTrue();
        assertThat(UnavailableStoreInterceptor.unreachable(new RuntimeException(new SQLRecoverableException("gone")))).isTrue();
    }

    @Test
    void a_socket_failure_passed_on_without_an_sql_state_is_unreachable() {
        assertThat(UnavailableStoreInterceptor.unreachable(new RuntimeException(new java.io.EOFException()))).isTrue();
        assertThat(UnavailableStoreInterceptor.unreachable(new RuntimeException(new java.net.ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void resetting_a_connection_the_pool_closed_is_unreachable() {
        var reset = new io.micronaut.data.connection.exceptions.ConnectionException(
                "Could not set JDBC Connection read-only: Connection is closed", new SQLException("Connection is closed"));

        assertThat(UnavailableStoreInterceptor.unreachable(reset)).isTrue();
    }

    @Test
    void a_failure_hidden_behind_a_failed_rollback_is_found() {
        RuntimeException rollback = new IllegalStateException("rollback failed");
        rollback.addSuppressed(new SQLException("Communications link failure", "08S01"));

        assertThat(UnavailableStoreInterceptor.unreachable(rollback)).isTrue();
    }

    @Test
    void a_rollback_on_a_connection_the_pool_closed_is_unreachable() {
        var rollback = new io.micronaut.transaction.exceptions.TransactionSystemException(
                "Could not roll back JDBC transaction", new SQLException("Connection is closed"));
        var otherwise = new io.micronaut.transaction.exceptions.TransactionSystemException(
                "Could not roll back JDBC transaction", new SQLException("something else"));

        assertThat(UnavailableStoreInterceptor.unreachable(rollback)).isTrue();
        assertThat(UnavailableStoreInterceptor.unreachable(otherwise)).isFalse();
    }

    @Test
    void a_database_that_answered_is_not_unreachable() {
        assertThat(UnavailableStoreInterceptor.unreachable(new RuntimeException(
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001")))).isFalse();
        assertThat(UnavailableStoreInterceptor.unreachable(new RuntimeException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")))).isFalse();
        assertThat(UnavailableStoreInterceptor.unreachable(new IllegalStateException("no cause"))).isFalse();
    }

    @Test
    void a_cause_cycle_ends_the_search() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(UnavailableStoreInterceptor.unreachable(first)).isFalse();
    }
}
