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

    /**
     * Runs {@code work} in the current transaction with its updates of rows the transaction read
     * locked (a challenge's state, a failure streak, an app's failure count) sent together when it
     * returns, in one round trip where the store can, instead of one each as they are made. What
     * answers something (a compare-and-set, an insert, a read) still runs at once; the work never
     * reads back a row it updated. A store that cannot combine updates sends each at once.
     */
    default <T> T combiningUpdates(Supplier<T> work) {
        return work.get();
    }
}
