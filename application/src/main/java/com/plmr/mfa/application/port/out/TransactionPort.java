package com.plmr.mfa.application.port.out;

import java.util.function.Supplier;

/**
 * The transaction boundary of the use cases: the work runs in one database transaction that
 * commits when it returns and rolls back when it throws.
 */
public interface TransactionPort {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the current transaction committed, and never when it rolls back; at
     * once when no transaction is open. For effects outside the database that must not tell of
     * something that did not happen (a log line, a counter).
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
