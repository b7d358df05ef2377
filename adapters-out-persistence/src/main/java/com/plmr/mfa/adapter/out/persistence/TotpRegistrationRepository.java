package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TotpRegistrationRepository extends CrudRepository<TotpRegistrationRow, String> {

    Optional<TotpRegistrationRow> findByIdAndUserId(String id, String userId);

    List<TotpRegistrationRow> findByUserIdOrderByCreatedAt(String userId);

    /** {@code SELECT ... FOR UPDATE}: holds the row lock until the transaction ends. */
    Optional<TotpRegistrationRow> findByIdAndUserIdForUpdate(String id, String userId);

    /** {@code SELECT ... FOR UPDATE}: holds the rows' locks until the transaction ends. */
    @Query("SELECT * FROM totp_registration WHERE user_id = :userId ORDER BY created_at FOR UPDATE")
    List<TotpRegistrationRow> findByUserIdOrderByCreatedAtForUpdate(String userId);

    /**
     * The replay guard (RFC 6238 §5.2): advances the last accepted step only forwards, atomically,
     * so of two requests with the same code on any instances exactly one changes the row.
     *
     * @return the number of rows changed: 1 when the step advanced, 0 when it was taken already
     */
    @Query("UPDATE totp_registration SET last_accepted_step = :step, state = :state,"
            + " consecutive_failures = :failures, locked_until = :lockedUntil, lockouts = :lockouts,"
            + " changed_at = :changedAt WHERE id = :id AND (last_accepted_step IS NULL OR last_accepted_step < :step)")
    int advanceAcceptedStep(String id, long step, String state, int failures, @Nullable Instant lockedUntil,
                            int lockouts, Instant changedAt);

    /** @return the number of rows deleted: 1, or 0 when there was none (or a concurrent delete took it) */
    @Query("DELETE FROM totp_registration WHERE id = :id")
    int deleteCounted(String id);
}
