package com.plmr.mfa.domain.challenge;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The codes sent for a challenge: how many were sent, when the last one went out and the one that
 * still works ({@code null} when none does). A send replaces the earlier code (OWASP MFA), so at
 * most one code of a challenge works at a time.
 *
 * <p>Invariant: {@code sends >= 0}; a code was sent when there is a current one.
 */
public record CodeDelivery(int sends, Instant lastSentAt, IssuedCode current) {

    /** Nothing sent yet. */
    public static final CodeDelivery NONE = new CodeDelivery(0, null, null);

    public CodeDelivery {
        if (sends < 0) {
            throw new IllegalArgumentException("sends must not be negative");
        }
    }

    /**
     * Why another code cannot be sent at {@code now}: the send cap or the resend cooldown, which is
     * waived when the last code was reported undelivered.
     */
    Optional<InitiationOutcome> refusal(ChallengePolicy policy, Instant now, boolean lastUndelivered) {
        if (sends >= policy.maxSends()) {
            return Optional.of(new InitiationOutcome.SendCapReached());
        }
        if (!lastUndelivered && lastSentAt != null && now.isBefore(lastSentAt.plus(policy.resendCooldown()))) {
            return Optional.of(new InitiationOutcome.CoolingDown(
                    Duration.between(now, lastSentAt.plus(policy.resendCooldown()))));
        }
        return Optional.empty();
    }

    /** Whether the current code, live or expired, was sent by {@code method}. */
    boolean hasCodeOf(ChallengeMethod method) {
        return current != null && current.method() == method;
    }

    /** The delivery after sending {@code code} at its issue time. */
    CodeDelivery sent(IssuedCode code) {
        return new CodeDelivery(sends + 1, code.issuedAt(), code);
    }

    /** The same sends, with no code working any more. */
    CodeDelivery withoutCode() {
        return new CodeDelivery(sends, lastSentAt, null);
    }
}
