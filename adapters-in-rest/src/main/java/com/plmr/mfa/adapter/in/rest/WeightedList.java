package com.plmr.mfa.adapter.in.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A header that lists weighted choices, {@code #( value [ weight ] )} (RFC 9110 sections 5.6.1
 * and 12.4.2: {@code Accept-Language}, {@code Accept-Encoding}), read defensively. A malformed
 * element (a value outside its grammar, a weight that is not {@code q=} with at most three
 * decimals between 0 and 1, any other parameter) is ignored on its own and the well-formed ones
 * still count; empty elements are allowed. Nothing a caller sends can make reading fail.
 */
final class WeightedList {

    /** More elements than any client sends; the rest of a longer header is ignored. */
    static final int MAX_ELEMENTS = 32;

    private static final Pattern WEIGHT = Pattern.compile("[qQ]=(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)");

    /** One well-formed choice and its weight ({@code q}, 1 when absent; 0 means "not acceptable"). */
    record Element(String value, double q) {
        String format() {
            return q == 1 ? value : value + ";q=" + q;
        }
    }

    private WeightedList() {
    }

    /** The well-formed elements in the order the caller sent them. */
    static List<Element> parse(String header, Pattern value) {
        List<Element> elements = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",", -1)) {
                if (elements.size() == MAX_ELEMENTS) {
                    break;
                }
                element(part, value).ifPresent(elements::add);
            }
        }
        return elements;
    }

    private static Optional<Element> element(String part, Pattern value) {
        int semicolon = part.indexOf(';');
        String name = (semicolon < 0 ? part : part.substring(0, semicolon)).strip();
        if (!value.matcher(name).matches()) {
            return Optional.empty();
        }
        if (semicolon < 0) {
            return Optional.of(new Element(name, 1));
        }
        String weight = part.substring(semicolon + 1).strip();
        return WEIGHT.matcher(weight).matches()
                ? Optional.of(new Element(name, Double.parseDouble(weight.substring(2))))
                : Optional.empty();
    }

    /** The elements written back in a form any reader can split, or empty for none. */
    static Optional<String> format(List<Element> elements) {
        return elements.isEmpty() ? Optional.empty()
                : Optional.of(elements.stream().map(Element::format).collect(Collectors.joining(", ")));
    }
}
