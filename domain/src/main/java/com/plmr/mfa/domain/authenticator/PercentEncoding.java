package com.plmr.mfa.domain.authenticator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of RFC 3986 §2.1 over UTF-8, for the label and the parameters of a Key URI.
 *
 * <p>Encoding keeps only the unreserved characters of §2.3 and encodes everything else, so the
 * result is safe in a path segment and in a query value alike; a space becomes {@code %20}, never
 * {@code +}, which is HTML form encoding and would reach the app as a literal plus sign. Decoding
 * is the exact inverse and rejects what no URI contains: a broken escape, a character that RFC
 * 3986 §2 does not allow unescaped (a space, anything non-ASCII) or escapes that are not UTF-8.
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

    /** @throws IllegalArgumentException if {@code text} is not a valid percent-encoding */
    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated percent-escape in URI");
                }
                bytes.write(hexValue(text.charAt(i + 1)) << 4 | hexValue(text.charAt(i + 2)));
                i += 2;
            } else if (isAllowedUnescaped(c)) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("URI has a character that is not escaped");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("percent-escapes in URI are not UTF-8", notUtf8);
        }
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Unreserved characters, sub-delimiters and the delimiters a path or query may hold. */
    private static boolean isAllowedUnescaped(char c) {
        return isUnreserved(c) || "!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("invalid percent-escape in URI");
    }
}
