package com.plmr.mfa.adapter.in.rest;

import java.util.Objects;

/**
 * The base32 alphabet of RFC 4648 §6, the text form of TOTP secrets in Key URIs and in the
 * "enter a setup key" screens of authenticator apps: upper case without padding, as the Key URI
 * format asks. The service only ever writes this form; it never reads a secret back from text.
 */
final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int BITS_PER_CHAR = 5;

    private Base32() {
    }

    /** Encodes {@code bytes} as upper-case base32 without padding. */
    static String encode(byte[] bytes) {
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
}
