package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.ClaimDueMessagesPort;
import com.plmr.mfa.application.port.out.DeliveryState;
import com.plmr.mfa.application.port.out.DeliveryStatusPort;
import com.plmr.mfa.application.port.out.EnqueueMessagePort;
import com.plmr.mfa.application.port.out.OutboundMessage;
import com.plmr.mfa.application.port.out.RecordDeliveryPort;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.crypto.SealedSecret;
import com.plmr.mfa.domain.crypto.SecretSealer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox. Message content is sealed with AES-256-GCM, bound to the message id,
 * and erased when the message reaches a final status.
 */
@Singleton
class OutboxPersistenceAdapter implements EnqueueMessagePort, ClaimDueMessagesPort, RecordDeliveryPort,
        DeliveryStatusPort {

    private static final int MAX_DETAIL = 200;
    private final OutboxRepository repository;
    private final SecretSealer sealer;

    OutboxPersistenceAdapter(OutboxRepository repository, SecretSealer sealer) {
        this.repository = repository;
        this.sealer = sealer;
    }

    @Override
    public void enqueue(ChallengeId challenge, OutboundMessage message, Instant now, Instant expiresAt) {
        SealedSecret sealed = sealer.seal(OutboxPayload.write(message), aad(message.messageId()));
        repository.save(new OutboxMessageRow(message.messageId(), challenge.value(), message.channel().name(),
                sealed.keyId(), sealed.ciphertext(), DeliveryState.Status.QUEUED.name(), 0, now, expiresAt, now, now,
                null, null));
    }

    @Override
    public List<PendingMessage> claimDue(Instant now, int limit, Duration lease) {
        List<OutboxMessageRow> due = repository.findDueForUpdate(now, limit);
        if (due.isEmpty()) {
            return List.of();
        }
        repository.lease(due.stream().map(OutboxMessageRow::id).toList(), now.plus(lease), now);
        return due.stream().map(row -> new PendingMessage(open(row), row.attempts() + 1, row.expiresAt())).toList();
    }

    @Override
    public void record(String messageId, DeliveryState.Status status, String detail, Instant nextAttemptAt,
                       Instant now) {
        String safeDetail = detail == null ? null : detail.substring(0, Math.min(detail.length(), MAX_DETAIL));
        switch (status) {
            case RETRYING, QUEUED -> repository.retryLater(messageId, status.name(), safeDetail, nextAttemptAt, now);
            case SENT -> repository.finish(messageId, status.name(), null, safeDetail, now);
            case FAILED, EXPIRED -> repository.finish(messageId, status.name(), safeDetail, null, now);
        }
    }

    @Override
    public Optional<DeliveryState> latestFor(ChallengeId challenge) {
        return repository.findFirstByChallengeIdOrderByCreatedAtDesc(challenge.value())
                .map(row -> new DeliveryState(OutboundMessage.Channel.valueOf(row.channel()),
                        DeliveryState.Status.valueOf(row.status()), row.attempts(), row.updatedAt()));
    }

    private OutboundMessage open(OutboxMessageRow row) {
        byte[] payload = sealer.open(new SealedSecret(row.payloadKeyId(), row.payload()), aad(row.id()));
        return OutboxPayload.read(row.id(), OutboundMessage.Channel.valueOf(row.channel()), payload);
    }

    private static String aad(String messageId) {
        return "outbox:" + messageId;
    }
}
