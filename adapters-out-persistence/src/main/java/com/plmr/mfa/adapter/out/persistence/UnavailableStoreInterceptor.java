package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.in.StoreUnavailableException;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import jakarta.inject.Singleton;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Turns a failure to reach the database, however the driver, the pool, the transaction manager
 * or Micronaut Data wrapped it, into {@link StoreUnavailableException}: the pool's timeout waiting
 * for a connection ({@link SQLTransientConnectionException}), a broken or silent connection
 * (SQLState class {@code 08}, connection exception; {@link SQLRecoverableException}; the socket's
 * own failure, where a driver path passes it on without an SQLState), and Micronaut Data's
 * {@link ConnectionException}: when the pool has closed a broken connection, resetting it after the
 * failed statement fails too, with "Connection is closed", and that replaces the first failure;
 * likewise the transaction manager's {@link TransactionSystemException} when the rollback after
 * such a failure meets the connection the pool closed (the transaction manager throws the failed
 * rollback and drops the first failure).
 * Every other failure, a constraint violation or a deadlock included, passes through unchanged.
 */
@Singleton
@InterceptorBean(ReportsUnavailableStore.class)
class UnavailableStoreInterceptor implements MethodInterceptor<Object, Object> {

    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** What HikariCP answers on a connection it closed because it broke. */
    private static final String POOL_CLOSED_IT = "Connection is closed";

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            return context.proceed();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                throw new StoreUnavailableException(e);
            }
            throw e;
        }
    }

    static boolean unreachable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return unreachable(failure, seen);
    }

    private static boolean unreachable(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof StoreUnavailableException || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLRecoverableException
                || failure instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                || failure instanceof SocketException || failure instanceof SocketTimeoutException
                || failure instanceof EOFException || failure instanceof ConnectionException) {
            return true;
        }
        if (failure instanceof TransactionSystemException && failure.getCause() instanceof SQLException closed
                && POOL_CLOSED_IT.equals(closed.getMessage())) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (unreachable(suppressed, seen)) {
                return true;
            }
        }
        return unreachable(failure.getCause(), seen);
    }
}
