package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRepository extends CrudRepository<OutboxMessageRow, String> {

    /**
     * Due rows no other dispatcher holds; they stay locked until the claiming transaction ends.
     * Only unfinished rows have a next attempt, so this is an ordered scan of ix_outbox_due that
     * locks just the rows it returns.
     */
    @Query(value = "SELECT * FROM outbox_message WHERE next_attempt_at <= :now"
            + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<OutboxMessageRow> findDueForUpdate(Instant now, int limit);

    @Query("UPDATE outbox_message SET attempts = attempts + 1, next_attempt_at = :leaseUntil, updated_at = :now"
            + " WHERE id IN (:ids)")
    void lease(Collection<String> ids, Instant leaseUntil, Instant now);

    @Query("UPDATE outbox_message SET status = :status, last_error = :lastError, next_attempt_at = :nextAttemptAt,"
            + " updated_at = :now WHERE id = :id")
    void retryLater(String id, String status, @Nullable String lastError, Instant nextAttemptAt, Instant now);

    /** A final status: the sealed payload (code and destination) is erased. */
    @Query("UPDATE outbox_message SET status = :status, last_error = :lastError,"
            + " provider_message_id = :providerMessageId, payload = NULL, payload_key_id = NULL,"
            + " next_attempt_at = NULL, updated_at = :now"
            + " WHERE id = :id")
    void finish(String id, String status, @Nullable String lastError, @Nullable String providerMessageId, Instant now);

    Optional<OutboxMessageRow> findFirstByChallengeIdOrderByCreatedAtDesc(String challengeId);
}
