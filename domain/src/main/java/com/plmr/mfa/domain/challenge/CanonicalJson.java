package com.plmr.mfa.domain.challenge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme (RFC 8785) for the values a step-up context holds: strings,
 * booleans, objects and arrays of them. Numbers are refused on purpose: RFC 8785 §3.2.2.3 writes
 * them as ECMAScript doubles, which would turn a decimal amount into a binary fraction, so amounts
 * travel as decimal strings. An object member whose value is {@code null} is absent, as the API
 * omits it.
 *
 * <p>Members are sorted by their names' UTF-16 code units (§3.2.3), strings keep every character
 * literally except {@code "}, {@code \} and the controls U+0000 to U+001F (§3.2.2.2), and the
 * text is UTF-8. A lone surrogate, which §3.2.2.2 does not allow, is written as a {@code \\u}
 * escape the way ECMAScript's {@code JSON.stringify} writes it, so every string has one form.
 */
final class CanonicalJson {

    private final StringBuilder out = new StringBuilder();

    private CanonicalJson() {
    }

    /** The canonical text of {@code value}; see the class comment for what it may hold. */
    static String write(Object value) {
        CanonicalJson json = new CanonicalJson();
        json.value(value);
        return json.out.toString();
    }

    /**
     * {@code value} as the API shows it: objects without their absent ({@code null}) members, at
     * every depth, unmodifiable and in their given order.
     */
    @SuppressWarnings("unchecked")
    static <T> T present(T value) {
        if (value instanceof Map<?, ?> members) {
            Map<String, Object> present = new LinkedHashMap<>();
            members.forEach((name, member) -> {
                if (member != null) {
                    present.put((String) name, present(member));
                }
            });
            return (T) Collections.unmodifiableMap(present);
        }
        if (value instanceof List<?> items) {
            return (T) items.stream().map(CanonicalJson::present).toList();
        }
        return value;
    }

    private void value(Object value) {
        if (value instanceof String text) {
            string(text);
        } else if (value instanceof Boolean flag) {
            out.append(flag);
        } else if (value instanceof Map<?, ?> members) {
            object(members);
        } else if (value instanceof List<?> items) {
            array(items);
        } else {
            throw new IllegalArgumentException("a step-up context holds strings, booleans, objects and arrays, not "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    private void object(Map<?, ?> members) {
        List<String> names = new ArrayList<>();
        members.forEach((name, member) -> {
            if (member != null) {
                names.add((String) name);
            }
        });
        names.sort(String::compareTo); // String order is UTF-16 code unit order
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(names.get(i));
            out.append(':');
            value(members.get(names.get(i)));
        }
        out.append('}');
    }

    private void array(List<?> items) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            value(items.get(i));
        }
        out.append(']');
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> character(text, i, c);
            }
        }
        out.append('"');
    }

    private void character(String text, int i, char c) {
        boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        if (c < 0x20 || !paired) {
            out.append(String.format("\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }
}
