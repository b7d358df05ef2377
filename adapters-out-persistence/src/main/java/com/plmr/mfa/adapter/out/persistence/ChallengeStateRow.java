package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The columns of a challenge that its transitions change: the update statement generated from
 * this row names no column of the step-up context, so no save after the insert can alter what a
 * challenge approves (the code's hash covers the operation digest of the context as inserted).
 */
@MappedEntity("challenge")
record ChallengeStateRow(
        @Id String id,
        String status,
        int attemptsUsed,
        int maxAttempts,
        int sendsUsed,
        @Nullable Instant lastSentAt,
        @Nullable String codeMethod,
        @Nullable byte[] codeHash,
        @Nullable Instant codeIssuedAt,
        @Nullable Instant codeExpiresAt,
        Instant expiresAt,
        @Nullable String verifiedMethod,
        @Nullable Instant verifiedAt,
        @Nullable Instant consumedAt) {
}
