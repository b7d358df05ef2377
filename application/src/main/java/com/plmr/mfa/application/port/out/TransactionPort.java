package com.plmr.mfa.application.port.out;

import java.util.function.Supplier;

/**
 * The transaction boundary of the use cases: the work runs in one database transaction that
 * commits when it returns and rolls back when it throws.
 */
public interface TransactionPort {

    <T> T inTransaction(Supplier<T> work);
}
