package com.plmr.mfa.domain.recovery;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One recovery code: {@value #LENGTH} symbols of Crockford's base32 alphabet, 60 bits from the
 * random source, written in groups of {@value #GROUP} ({@code 7kq2-m9xd-4hvt}). The alphabet has no
 * {@code i}, {@code l}, {@code o} or {@code u}, so no two symbols look alike; what a user types is
 * read leniently ({@link #parse}): separators and case do not matter, and {@code o} is read as
 * {@code 0}, {@code i} and {@code l} as {@code 1}, as Crockford's decoding does.
 *
 * <p>60 bits beat the peers (Kratos lookup secrets: 8 of 36 symbols, 41 bits) and keep a stolen
 * database with a stolen hash key far from an offline search; online, the challenge's attempt budget
 * and the user's failure streak bound the guesses. The value never appears in {@link #toString}.
 */
public final class RecoveryCode {

    /** Crockford's base32 alphabet in lower case. */
    public static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    public static final int LENGTH = 12;
    static final int GROUP = 4;
    /** The longest text that can still be a code: its symbols with a separator between any two. */
    public static final int MAX_TYPED_LENGTH = 2 * LENGTH + 8;

    private final String value;

    private RecoveryCode(String value) {
        this.value = value;
    }

    /** A code of {@value #LENGTH} symbols, each drawn uniformly from the alphabet. */
    public static RecoveryCode random(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new RecoveryCode(code.toString());
    }

    /**
     * The code a user typed, or empty when the text cannot be one: separators (hyphens, spaces)
     * dropped, case folded, look-alikes read as the symbol they resemble.
     */
    public static Optional<RecoveryCode> parse(String typed) {
        if (typed == null || typed.length() > MAX_TYPED_LENGTH) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = Character.toLowerCase(typed.charAt(i));
            if (c == '-' || c == ' ') {
                continue;
            }
            char symbol = switch (c) {
                case 'o' -> '0';
                case 'i', 'l' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(symbol) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(symbol);
        }
        return code.length() == LENGTH ? Optional.of(new RecoveryCode(code.toString())) : Optional.empty();
    }

    public static boolean isWellFormed(String typed) {
        return parse(typed).isPresent();
    }

    /** The canonical form, the input of the keyed hash. */
    public String value() {
        return value;
    }

    /** The form shown to the user: groups of {@value #GROUP} joined by hyphens. */
    public String grouped() {
        StringBuilder shown = new StringBuilder(value.length() + LENGTH / GROUP);
        for (int i = 0; i < value.length(); i += GROUP) {
            shown.append(i == 0 ? "" : "-").append(value, i, i + GROUP);
        }
        return shown.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecoveryCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "RecoveryCode[***]";
    }
}
