package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.ClaimDueMessagesPort;
import com.plmr.mfa.application.port.out.DeliveryStatusPort;
import com.plmr.mfa.application.port.out.EnqueueMessagePort;
import com.plmr.mfa.application.port.out.NoticeOutboxPort;
import com.plmr.mfa.application.port.out.RecordDeliveryPort;
import com.plmr.mfa.application.port.out.RecordReceiptPort;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.crypto.SealedSecret;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.DeliveryState;
import com.plmr.mfa.domain.delivery.NoticeMessage;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import com.plmr.mfa.domain.notice.NoticeKind;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox of code messages and notices. Message content is sealed with AES-256-GCM,
 * bound to the message id, and erased when the message reaches a final status.
 *
 * <p>Locking: an enqueue only inserts (inside the initiate's transaction); a claim is its own short
 * READ COMMITTED transaction that locks the one row it returns and leases it; a result is one
 * autocommitted update by primary key. No statement on the table takes a gap lock, so claims never
 * wait for each other or for an enqueue, and an enqueue never waits for a claim.
 */
@Singleton
@ReportsUnavailableStore
class OutboxPersistenceAdapter implements EnqueueMessagePort, NoticeOutboxPort, ClaimDueMessagesPort,
        RecordDeliveryPort, DeliveryStatusPort, RecordReceiptPort {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPersistenceAdapter.class);
    private static final int MAX_DETAIL = 200;
    /** The MDC key under which the REST adapter keeps the current request's id (at most 64 characters). */
    static final String REQUEST_ID = "requestId";
    private static final List<String> CHANNELS = Arrays.stream(Channel.values())
            .map(Enum::name).toList();
    private static final TransactionDefinition CLAIM = claimDefinition();
    private final OutboxRepository repository;
    private final JdbcTransactionAdapter transactions;
    private final SecretSealer sealer;

    OutboxPersistenceAdapter(OutboxRepository repository, JdbcTransactionAdapter transactions, SecretSealer sealer) {
        this.repository = repository;
        this.transactions = transactions;
        this.sealer = sealer;
    }

    private static TransactionDefinition claimDefinition() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        definition.setName("outbox claim");
        return definition;
    }

    /** The message is stored with the id of the request under way (the initiate's), if any. */
    @Override
    public void enqueue(CodeMessage message, Instant now, Instant expiresAt) {
        SealedSecret sealed = sealer.seal(OutboxPayload.write(message), aad(message.messageId()));
        repository.save(new OutboxMessageRow(message.messageId(), message.challenge().value(), message.channel().name(),
                sealed.keyId(), sealed.ciphertext(), OutboxPayload.CODE, DeliveryState.Status.QUEUED.name(), 0, now,
                expiresAt, now, now, null, null, MDC.get(REQUEST_ID), null, null, null, null, null));
    }

    @Override
    public void enqueue(UserId user, NoticeMessage notice, Instant now, Instant expiresAt) {
        SealedSecret sealed = sealer.seal(OutboxPayload.write(notice), aad(notice.messageId()));
        repository.save(new OutboxMessageRow(notice.messageId(), null, notice.channel().name(),
                sealed.keyId(), sealed.ciphertext(), OutboxPayload.NOTICE, DeliveryState.Status.QUEUED.name(), 0, now,
                expiresAt, now, now, null, null, MDC.get(REQUEST_ID), null, null, null, user.value(),
                notice.kind().name()));
    }

    @Override
    public boolean queuedSince(UserId user, NoticeKind kind, Instant since) {
        return repository.existsByUserIdAndNoticeAndCreatedAtGreaterThanEquals(user.value(), kind.name(), since);
    }

    @Override
    public Optional<PendingMessage> claimNext(Instant now, Duration lease) {
        Optional<OutboxMessageRow> claimed = transactions.inTransaction(CLAIM, () -> {
            Optional<OutboxMessageRow> due = repository.findNextDueForUpdate(now, OutboxPayload.CURRENT, CHANNELS);
            due.ifPresent(row -> repository.lease(row.id(), now.plus(lease), now));
            return due;
        });
        return claimed.map(row -> new PendingMessage(new Claim(row.id(), row.attempts() + 1),
                Optional.ofNullable(row.challengeId()).map(ChallengeId::new),
                Optional.ofNullable(row.userId()).map(UserId::new),
                Channel.valueOf(row.channel()), row.expiresAt(), row.requestId(), () -> open(row)));
    }

    @Override
    public boolean release(Claim claim, Instant now) {
        return repository.release(claim.messageId(), claim.attempt(), now) == 1;
    }

    @Override
    public boolean record(Claim claim, DeliveryState.Status status, String detail, Instant nextAttemptAt,
                          Instant now) {
        String safeDetail = detail == null ? null : detail.substring(0, Math.min(detail.length(), MAX_DETAIL));
        long changed = switch (status) {
            case RETRYING, QUEUED -> repository.retryLater(claim.messageId(), claim.attempt(), status.name(),
                    safeDetail, nextAttemptAt, now);
            case SENT -> repository.finish(claim.messageId(), claim.attempt(), status.name(), null, safeDetail, now);
            case FAILED, EXPIRED -> repository.finish(claim.messageId(), claim.attempt(), status.name(), safeDetail,
                    null, now);
        };
        if (changed == 0) {
            LOG.warn("{} result of message {} attempt {} not recorded: its lease ran out and it was claimed again"
                    + " (a lease shorter than a send sends twice)", status, claim.messageId(), claim.attempt());
        }
        return changed == 1;
    }

    @Override
    public Optional<DeliveryState> latestFor(ChallengeId challenge) {
        return repository.findFirstByChallengeIdOrderByCreatedAtDesc(challenge.value())
                .map(row -> new DeliveryState(Channel.valueOf(row.channel()),
                        DeliveryState.Status.valueOf(row.status()), row.attempts(), row.updatedAt(), receiptOf(row)));
    }

    /** One conditional update by primary key: a repeated or concurrent receipt finds it taken and changes nothing. */
    @Override
    public Optional<Receipted> record(String providerMessageId, DeliveryReceipt receipt) {
        return repository.findSentByProviderMessageId(providerMessageId)
                .filter(row -> repository.recordReceipt(row.id(), receipt.outcome().name(), receipt.errorCode(),
                        receipt.receivedAt()) == 1)
                .map(row -> new Receipted(row.id(), new ChallengeId(row.challengeId()), Channel.valueOf(row.channel())));
    }

    private static DeliveryReceipt receiptOf(OutboxMessageRow row) {
        return row.receiptStatus() == null ? null : new DeliveryReceipt(
                DeliveryReceipt.Outcome.valueOf(row.receiptStatus()), row.receiptError(), row.receiptAt());
    }

    private OutboundMessage open(OutboxMessageRow row) {
        byte[] payload = sealer.open(new SealedSecret(row.payloadKeyId(), row.payload()), aad(row.id()));
        return OutboxPayload.read(row.payloadFormat(), row.id(), row.challengeId(), Channel.valueOf(row.channel()),
                payload);
    }

    private static String aad(String messageId) {
        return "outbox:" + messageId;
    }
}
