package com.plmr.mfa.adapter.in.rest;

import java.util.Objects;

/**
 * Reads base32 text (RFC 4648 §6) as an authenticator app does, to check what {@link Base32}
 * writes: either case, spaces anywhere, trailing {@code =} padding. It is otherwise strict, since
 * a test must not pass on a secret that was written wrongly: it rejects characters outside the
 * alphabet, lengths that no encoding can produce and non-zero pad bits (the canonical-encoding
 * rule of RFC 4648 §3.5). Error messages never quote the text, which may be a secret.
 */
public final class Base32Decoding {

    private static final int BITS_PER_CHAR = 5;

    private Base32Decoding() {
    }

    /** @throws IllegalArgumentException if the text is not a canonical base32 encoding */
    public static byte[] decode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String symbols = symbolsOf(text);
        if (symbols.length() * BITS_PER_CHAR % 8 >= BITS_PER_CHAR) {
            throw new IllegalArgumentException("base32 text has an impossible length");
        }
        byte[] out = new byte[symbols.length() * BITS_PER_CHAR / 8];
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < symbols.length(); i++) {
            buffer = (buffer << BITS_PER_CHAR) | valueOf(symbols.charAt(i));
            bits += BITS_PER_CHAR;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >>> bits);
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("base32 text has non-zero pad bits");
        }
        return out;
    }

    private static String symbolsOf(CharSequence text) {
        StringBuilder symbols = new StringBuilder(text.length());
        boolean padding = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                padding = true;
            } else if (c != ' ') {
                if (padding) {
                    throw new IllegalArgumentException("base32 padding must come last");
                }
                symbols.append(c);
            }
        }
        return symbols.toString();
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        throw new IllegalArgumentException("base32 text has a character outside the alphabet");
    }
}
