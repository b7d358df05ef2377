package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A challenge as stored, read whole and inserted whole. Its state is updated through
 * {@link ChallengeStateRow}, which has no context columns, so nothing but the insert ever writes
 * a context (cancelling empties it through {@link ChallengeRepository#eraseContext}).
 */
@MappedEntity("challenge")
record ChallengeRow(
        @Id String id,
        String userId,
        @Nullable String operation,
        @Nullable String reference,
        @Nullable String digest,
        @Nullable String summary,
        String allowedMethods,
        @Nullable String locale,
        String status,
        int attemptsUsed,
        int maxAttempts,
        int sendsUsed,
        @Nullable Instant lastSentAt,
        @Nullable String codeMethod,
        @Nullable byte[] codeHash,
        @Nullable Instant codeIssuedAt,
        @Nullable Instant codeExpiresAt,
        Instant createdAt,
        Instant expiresAt,
        @Nullable String verifiedMethod,
        @Nullable Instant verifiedAt,
        @Nullable Instant consumedAt,
        @Nullable String transactionType,
        @Nullable String amountValue,
        @Nullable String amountCurrency,
        @Nullable String payeeName,
        @Nullable String payeeAccount,
        @Nullable String transactionReference) {
}
