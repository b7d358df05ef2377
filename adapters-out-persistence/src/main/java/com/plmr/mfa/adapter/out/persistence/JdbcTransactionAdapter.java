package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.TransactionPort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/** The use cases' transaction boundary: one JDBC transaction per call, rolled back on any exception. */
@Singleton
class JdbcTransactionAdapter implements TransactionPort {

    private final TransactionOperations<Connection> transactions;

    JdbcTransactionAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
