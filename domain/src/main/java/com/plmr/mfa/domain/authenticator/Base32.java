package com.plmr.mfa.domain.authenticator;

import java.util.Objects;

/**
 * The base32 alphabet of RFC 4648 §6, the text form of TOTP secrets in Key URIs and in the
 * "enter a setup key" screens of authenticator apps.
 *
 * <p>{@link #encode} writes upper case without padding, as the Key URI format asks. {@link
 * #decode} accepts what people type: either case, spaces anywhere, trailing {@code =} padding.
 * It is otherwise strict, because a mistyped secret must fail here rather than yield codes
 * that never match: it rejects characters outside the alphabet, lengths that no encoding can
 * produce, and non-zero pad bits (the canonical-encoding rule of RFC 4648 §3.5), which catch
 * a wrong last character.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int BITS_PER_CHAR = 5;

    private Base32() {
    }

    /** Encodes {@code bytes} as upper-case base32 without padding. */
    public static String encode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        int length = (bytes.length * 8 + BITS_PER_CHAR - 1) / BITS_PER_CHAR;
        StringBuilder out = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= BITS_PER_CHAR) {
                bits -= BITS_PER_CHAR;
                out.append(ALPHABET[(buffer >>> bits) & 0x1f]);
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (BITS_PER_CHAR - bits)) & 0x1f]);
        }
        return out.toString();
    }

    /**
     * Decodes base32 text, ignoring case, spaces and trailing {@code =} padding.
     *
     * @throws IllegalArgumentException if the text is not a canonical base32 encoding
     */
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
