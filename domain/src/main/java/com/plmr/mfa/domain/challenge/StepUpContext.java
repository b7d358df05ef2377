package com.plmr.mfa.domain.challenge;

import java.util.Objects;

/**
 * What a challenge approves: the consumer's operation, its opaque reference, an optional digest
 * of the approved content and an optional human summary that goes into the message, so the user
 * sees what the code approves (PSD2-style transaction binding) and a code cannot silently be
 * reused for another operation. Lengths count characters (Unicode code points), as the spec's JSON
 * Schema {@code maxLength} does, not UTF-16 units.
 */
public record StepUpContext(String operation, String reference, String digest, String summary) {

    public static final int MAX_SUMMARY = 80;

    public StepUpContext {
        requireText(operation, "operation", 64);
        requireText(reference, "reference", 128);
        if (digest != null && characters(digest) > 128) {
            throw new IllegalArgumentException("digest must be at most 128 characters");
        }
        if (summary != null && (characters(summary) > MAX_SUMMARY || summary.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("summary must be at most 80 characters without control characters");
        }
    }

    private static void requireText(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || characters(value) > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
