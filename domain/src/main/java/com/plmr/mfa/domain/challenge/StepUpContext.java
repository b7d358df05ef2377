package com.plmr.mfa.domain.challenge;

import java.util.Objects;

/**
 * What a challenge approves: the consumer's operation, its opaque reference, an optional digest
 * of the approved content, an optional human summary that goes into the message, and optional
 * structured {@link TransactionDetails} (amount and payee) that the messages show and the code is
 * bound to, so the user sees what the code approves (PSD2 dynamic linking) and a code cannot
 * silently be reused for another operation. Lengths count characters (Unicode code points), as
 * the spec's JSON Schema {@code maxLength} does, not UTF-16 units.
 *
 * <p>A challenge's context is fixed when the challenge is created: no transition changes it, and
 * only cancelling removes it (a changed amount needs a new challenge).
 */
public record StepUpContext(String operation, String reference, String digest, String summary,
                            TransactionDetails transaction) {

    public static final int MAX_SUMMARY = 80;

    public StepUpContext {
        requireText(operation, "operation", 64);
        requireText(reference, "reference", 128);
        if (digest != null && Texts.characters(digest) > 128) {
            throw new IllegalArgumentException("digest must be at most 128 characters");
        }
        if (summary != null && (Texts.characters(summary) > MAX_SUMMARY || Texts.hasControl(summary))) {
            throw new IllegalArgumentException("summary must be at most 80 characters without control characters");
        }
    }

    /** A context without transaction details. */
    public StepUpContext(String operation, String reference, String digest, String summary) {
        this(operation, reference, digest, summary, null);
    }

    private static void requireText(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || Texts.characters(value) > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }
}
