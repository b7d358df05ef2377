package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

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
        @Nullable Instant consumedAt) {
}
