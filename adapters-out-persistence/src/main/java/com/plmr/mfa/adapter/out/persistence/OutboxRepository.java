package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRepository extends CrudRepository<OutboxMessageRow, String> {

    /**
     * The longest-waiting due row that no other dispatcher holds and that this release reads (payload
     * format and channel); it stays locked until the claiming transaction ends. Only unfinished rows
     * have a next attempt, so this is an ordered scan of ix_outbox_due. It must run at READ COMMITTED
     * ({@link OutboxPersistenceAdapter#claimNext}): then it locks just the row it returns. At
     * REPEATABLE READ it would also take next-key locks on the gaps it scanned, up to the end of the
     * index, which are exactly the gaps the lease update of a concurrent claim and the insert of a
     * new message must enter: claims then deadlock with each other and with initiates (docs/delivery.md,
     * "Locking").
     */
    @Query(value = "SELECT * FROM outbox_message WHERE next_attempt_at <= :now AND payload_format <= :format"
            + " AND channel IN (:channels) ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    Optional<OutboxMessageRow> findNextDueForUpdate(Instant now, int format, Collection<String> channels);

    /** Counts the attempt and holds the row until {@code leaseUntil}. */
    @Query("UPDATE outbox_message SET attempts = attempts + 1, next_attempt_at = :leaseUntil, updated_at = :now"
            + " WHERE id = :id")
    void lease(String id, Instant leaseUntil, Instant now);

    /** Makes the row due at {@code now}, if {@code attempt} is still its latest claim and it is not final. */
    @Query("UPDATE outbox_message SET next_attempt_at = :now, updated_at = :now"
            + " WHERE id = :id AND attempts = :attempt AND next_attempt_at IS NOT NULL")
    long release(String id, int attempt, Instant now);

    /** Schedules the next try, if {@code attempt} is still the row's latest claim and the row is not final. */
    @Query("UPDATE outbox_message SET status = :status, last_error = :lastError, next_attempt_at = :nextAttemptAt,"
            + " updated_at = :now WHERE id = :id AND attempts = :attempt AND next_attempt_at IS NOT NULL")
    long retryLater(String id, int attempt, String status, @Nullable String lastError, Instant nextAttemptAt,
                    Instant now);

    /**
     * A final status, if {@code attempt} is still the row's latest claim and the row is not final:
     * the sealed payload (code and destination) is erased.
     */
    @Query("UPDATE outbox_message SET status = :status, last_error = :lastError,"
            + " provider_message_id = :providerMessageId, payload = NULL, payload_key_id = NULL,"
            + " next_attempt_at = NULL, updated_at = :now"
            + " WHERE id = :id AND attempts = :attempt AND next_attempt_at IS NOT NULL")
    long finish(String id, int attempt, String status, @Nullable String lastError, @Nullable String providerMessageId,
                Instant now);

    Optional<OutboxMessageRow> findFirstByChallengeIdOrderByCreatedAtDesc(String challengeId);

    /**
     * The sent code SMS the provider knows by this id (ix_outbox_provider_message); a notice has no
     * challenge whose delivery a receipt could tell, so its receipts are not recorded.
     */
    @Query(value = "SELECT * FROM outbox_message WHERE provider_message_id = :providerMessageId AND status = 'SENT'"
            + " AND channel = 'SMS' AND challenge_id IS NOT NULL ORDER BY created_at DESC LIMIT 1", nativeQuery = true)
    Optional<OutboxMessageRow> findSentByProviderMessageId(String providerMessageId);

    /** Records the receipt, unless the message has one: the first final receipt stands. */
    @Query("UPDATE outbox_message SET receipt_status = :status, receipt_error = :error, receipt_at = :at"
            + " WHERE id = :id AND receipt_status IS NULL")
    long recordReceipt(String id, String status, @Nullable String error, Instant at);

    /** Whether a notice of the kind was queued for the user since then: one range of ix_outbox_notice. */
    boolean existsByUserIdAndNoticeAndCreatedAtGreaterThanEquals(String userId, String notice, Instant createdAt);
}
