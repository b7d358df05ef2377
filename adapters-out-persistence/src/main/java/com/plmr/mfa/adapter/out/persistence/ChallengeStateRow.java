package com.plmr.mfa.adapter.out.persistence;

import java.time.Instant;

/**
 * The columns of a challenge that its transitions change: the update written from this row names
 * no column of the step-up context, so no save after the insert can alter what a challenge
 * approves (the code's hash covers the operation digest of the context as inserted).
 */
record ChallengeStateRow(
        String id,
        String status,
        int attemptsUsed,
        int maxAttempts,
        int sendsUsed,
        Instant lastSentAt,
        String codeMethod,
        byte[] codeHash,
        Instant codeIssuedAt,
        Instant codeExpiresAt,
        Instant expiresAt,
        String verifiedMethod,
        Instant verifiedAt,
        Instant consumedAt) {

    /** The update of the challenge's row to this state. */
    CombinedUpdates.Row update() {
        return CombinedUpdates.Row.of("challenge", "id", id).set("status", status)
                .set("attempts_used", attemptsUsed).set("max_attempts", maxAttempts).set("sends_used", sendsUsed)
                .set("last_sent_at", lastSentAt).set("code_method", codeMethod).set("code_hash", codeHash)
                .set("code_issued_at", codeIssuedAt).set("code_expires_at", codeExpiresAt)
                .set("expires_at", expiresAt).set("verified_method", verifiedMethod).set("verified_at", verifiedAt)
                .set("consumed_at", consumedAt);
    }
}
