package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.TransactionPort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The use cases' transaction boundary: one JDBC transaction per call, rolled back on any exception.
 *
 * <p>A transaction that InnoDB chose as a deadlock victim (error 1213), or one of whose statements
 * waited past {@code innodb_lock_wait_timeout} (1205), runs once more from the start. That is safe
 * for every use case: the failed attempt is rolled back as a whole (InnoDB rolls a deadlock victim
 * back; the exception rolls back the rest after a lock-wait timeout), and the work has no effect
 * outside the database (messages leave only through the outbox, which is part of the transaction).
 * Only the outermost call retries: a nested call joins the outer transaction, which the failure
 * aborted as a whole. The second failure, or any other exception, goes to the caller. A retry is
 * logged, so a lock order problem shows even while the retry hides it from users.
 */
@Singleton
@ReportsUnavailableStore
class JdbcTransactionAdapter implements TransactionPort {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactionAdapter.class);
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;
    private final TransactionOperations<Connection> transactions;
    private final CombinedUpdates updates;

    JdbcTransactionAdapter(TransactionOperations<Connection> transactions, CombinedUpdates updates) {
        this.transactions = transactions;
        this.updates = updates;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(TransactionDefinition.DEFAULT, work);
    }

    /** The same boundary with other transaction settings (the outbox claim reads committed data only). */
    <T> T inTransaction(TransactionDefinition definition, Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            return transactions.execute(definition, status -> work.get());
        }
        try {
            return transactions.execute(definition, status -> work.get());
        } catch (RuntimeException e) {
            String conflict = lockConflict(e).orElseThrow(() -> e);
            LOG.warn("transaction rolled back after a {}; running it once more", conflict);
            return transactions.execute(definition, status -> work.get());
        }
    }

    /**
     * Registers {@code action} on the current transaction, which runs it after its commit (also a
     * joined call's action, after the outermost commit) and drops it on a rollback, a retried attempt
     * included.
     */
    @Override
    public void afterCommit(Runnable action) {
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                }), action);
    }

    /** Combines the updates only inside a transaction, whose locks they rely on ({@link CombinedUpdates}). */
    @Override
    public <T> T combiningUpdates(Supplier<T> work) {
        return transactions.findTransactionStatus().isPresent() ? updates.combining(work) : work.get();
    }

    private static Optional<String> lockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (sql.getErrorCode() == ER_LOCK_DEADLOCK) {
                    return Optional.of("deadlock");
                }
                if (sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT) {
                    return Optional.of("lock wait timeout");
                }
            }
        }
        return Optional.empty();
    }
}
