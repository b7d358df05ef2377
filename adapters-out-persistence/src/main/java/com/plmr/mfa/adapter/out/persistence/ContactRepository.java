package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ContactRepository extends CrudRepository<ContactRow, String> {

    /** @return the number of rows deleted: 1, or 0 when there was none (or a concurrent delete took it) */
    @Query("DELETE FROM user_contact WHERE id = :id")
    int deleteCounted(String id);
}
