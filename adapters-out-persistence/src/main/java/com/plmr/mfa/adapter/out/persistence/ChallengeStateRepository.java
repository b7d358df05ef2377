package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Updates the state of a stored challenge; see {@link ChallengeStateRow} for what it never writes. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ChallengeStateRepository extends GenericRepository<ChallengeStateRow, String> {

    ChallengeStateRow update(ChallengeStateRow row);
}
