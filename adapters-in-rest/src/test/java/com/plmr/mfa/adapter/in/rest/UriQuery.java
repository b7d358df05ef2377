package com.plmr.mfa.adapter.in.rest;

import java.util.HashMap;
import java.util.Map;

/**
 * The decoded {@code name=value} pairs of a URI query (RFC 3986 §3.4), as Key URIs use them.
 * Names are unique: a repeated parameter is rejected rather than resolved either way, since an
 * ambiguous URI could be read differently by this service and by the app. Error messages name
 * the parameter, never its value, which may be the secret.
 */
final class UriQuery {

    private static final int MAX_NUMBER_DIGITS = 9;

    private final Map<String, String> values;

    private UriQuery(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException for a pair without {@code =} or a repeated name */
    static UriQuery parse(String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("URI parameter without a value");
            }
            String name = PercentDecoding.decode(pair.substring(0, equals));
            String value = PercentDecoding.decode(pair.substring(equals + 1));
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("URI parameter repeated: " + name);
            }
        }
        return new UriQuery(values);
    }

    String text(String name, String absent) {
        return values.getOrDefault(name, absent);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("URI parameter missing: " + name);
        }
        return value;
    }

    /** A non-negative decimal of at most nine digits, so that it fits an {@code int}. */
    int number(String name, int absent) {
        String text = values.get(name);
        if (text == null) {
            return absent;
        }
        boolean digitsOnly = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digitsOnly || text.length() > MAX_NUMBER_DIGITS) {
            throw new IllegalArgumentException("URI parameter is not a small number: " + name);
        }
        return Integer.parseInt(text);
    }
}
