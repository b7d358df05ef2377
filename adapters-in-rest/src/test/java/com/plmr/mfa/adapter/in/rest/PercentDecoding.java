package com.plmr.mfa.adapter.in.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The exact inverse of {@link PercentEncoding}, for reading Key URIs back in tests. It rejects
 * what no URI contains: a broken escape, a character that RFC 3986 §2 does not allow unescaped
 * (a space, anything non-ASCII) or escapes that are not UTF-8.
 */
final class PercentDecoding {

    private PercentDecoding() {
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

    /** Unreserved characters, sub-delimiters and the delimiters a path or query may hold. */
    private static boolean isAllowedUnescaped(char c) {
        return PercentEncoding.isUnreserved(c) || "!$&'()*+,;=:@/?".indexOf(c) >= 0;
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
