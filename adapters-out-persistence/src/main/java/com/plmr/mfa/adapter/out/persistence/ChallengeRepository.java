package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** Reads and inserts whole challenges; it has no update: state changes go through {@link ChallengeStateRow}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ChallengeRepository extends GenericRepository<ChallengeRow, String> {

    /** {@code INSERT}: the one statement that writes a challenge's context. */
    ChallengeRow save(ChallengeRow row);

    Optional<ChallengeRow> findById(String id);

    /** {@code SELECT ... FOR UPDATE}: holds the row lock until the transaction ends. */
    Optional<ChallengeRow> findByIdForUpdate(String id);

    /** Removes the step-up context of a cancelled challenge: every context column to {@code NULL}, none to a value. */
    @Query("UPDATE challenge SET operation = NULL, reference = NULL, digest = NULL, summary = NULL,"
            + " transaction_type = NULL, amount_value = NULL, amount_currency = NULL, payee_name = NULL,"
            + " payee_account = NULL, transaction_reference = NULL WHERE id = :id")
    void eraseContext(String id);
}
