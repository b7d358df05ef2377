package com.plmr.mfa.adapter.in.rest;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of RFC 3986 §2.1 over UTF-8, for the label and the parameters of a Key URI.
 * It keeps only the unreserved characters of §2.3 and encodes everything else, so the result is
 * safe in a path segment and in a query value alike; a space becomes {@code %20}, never {@code +},
 * which is HTML form encoding and would reach the app as a literal plus sign.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    static String encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(utf8.length * 3);
        for (byte b : utf8) {
            if (isUnreserved(b)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0x0f]).append(HEX[b & 0x0f]);
            }
        }
        return out.toString();
    }

    /** The unreserved characters of RFC 3986 §2.3. */
    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
