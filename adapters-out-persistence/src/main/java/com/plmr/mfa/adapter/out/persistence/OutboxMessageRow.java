package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One outbox message; {@code payloadFormat} names the layout of the sealed payload ({@link OutboxPayload}),
 * {@code requestId} the request that queued it (for the log, {@code null} on rows older than the column),
 * {@code receipt*} what the provider reported after the send ({@code null} until it does).
 * A code message names its challenge; a notice names its user and its kind instead.
 */
@MappedEntity("outbox_message")
record OutboxMessageRow(
        @Id String id,
        @Nullable String challengeId,
        String channel,
        @Nullable String payloadKeyId,
        @Nullable byte[] payload,
        int payloadFormat,
        String status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        Instant expiresAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String lastError,
        @Nullable String providerMessageId,
        @Nullable String requestId,
        @Nullable String receiptStatus,
        @Nullable String receiptError,
        @Nullable Instant receiptAt,
        @Nullable String userId,
        @Nullable String notice) {
}
