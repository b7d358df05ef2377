package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ChallengeRepository extends CrudRepository<ChallengeRow, String> {

    /** {@code SELECT ... FOR UPDATE}: holds the row lock until the transaction ends. */
    Optional<ChallengeRow> findByIdForUpdate(String id);
}
