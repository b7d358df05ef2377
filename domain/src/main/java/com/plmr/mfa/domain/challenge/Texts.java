package com.plmr.mfa.domain.challenge;

import java.util.Objects;

/**
 * The rule every text of a step-up context follows: present, not blank, at most so many
 * characters (Unicode code points, as the spec's JSON Schema {@code maxLength} counts them, not
 * UTF-16 units) and no control characters, since each may end up in a message or a log line.
 */
final class Texts {

    private Texts() {
    }

    static void require(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || characters(value) > max || hasControl(value)) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters without control characters");
        }
    }

    static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }

    static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
