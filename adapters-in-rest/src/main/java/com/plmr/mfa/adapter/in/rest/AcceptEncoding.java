package com.plmr.mfa.adapter.in.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@code Accept-Encoding} header (RFC 9110 section 12.5.3) reduced to the content codings a
 * browser, node's fetch or an HTTP proxy can decode: {@code gzip}, {@code deflate} and {@code br}
 * (registered with IANA; the server compresses with {@code br} only when a Brotli library is
 * present, which the service does not ship). Anything else ({@code snappy}, {@code zstd}, unknown
 * tokens) is dropped, {@code *} stands for {@code gzip} and {@code deflate} when they are not
 * named, and a coding the caller ranks below an explicit {@code identity} is dropped, so the
 * server answers uncompressed rather than in a coding the caller cannot or would rather not read.
 */
final class AcceptEncoding {

    private static final Pattern CODING = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final List<String> OFFERED = List.of("gzip", "deflate", "br");
    private static final List<String> FOR_ANY = List.of("gzip", "deflate");
    private static final String ANY = "*";
    private static final String IDENTITY = "identity";

    private AcceptEncoding() {
    }

    /** The header to hand to the server's compressor, or empty for an uncompressed answer. */
    static Optional<String> offered(String header) {
        Map<String, Double> named = new LinkedHashMap<>();
        double any = 0;
        double identity = 0;
        for (WeightedList.Element element : WeightedList.parse(header, CODING)) {
            String coding = canonical(element.value());
            if (coding.equals(ANY)) {
                any = Math.max(any, element.q());
            } else if (coding.equals(IDENTITY)) {
                identity = element.q();
            } else if (OFFERED.contains(coding)) {
                named.putIfAbsent(coding, element.q());
            }
        }
        for (String coding : FOR_ANY) {
            named.putIfAbsent(coding, any);
        }
        double floor = identity;
        return WeightedList.format(named.entrySet().stream()
                .filter(e -> e.getValue() > 0 && e.getValue() >= floor)
                .map(e -> new WeightedList.Element(e.getKey(), e.getValue())).toList());
    }

    private static String canonical(String coding) {
        String lower = coding.toLowerCase(Locale.ROOT);
        return lower.equals("x-gzip") ? "gzip" : lower;
    }
}
