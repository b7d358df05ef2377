package com.plmr.mfa.adapter.in.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@code Accept-Language} header (RFC 9110 section 12.5.4): weighted RFC 4647 basic language
 * ranges ({@code 1*8ALPHA *("-" 1*8alphanum)} or {@code *}), read as a {@link WeightedList}, so a
 * malformed element is ignored and the header never fails a request.
 */
final class AcceptLanguage {

    private static final Pattern RANGE = Pattern.compile("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private final List<WeightedList.Element> elements;

    private AcceptLanguage(List<WeightedList.Element> elements) {
        this.elements = List.copyOf(elements);
    }

    static AcceptLanguage parse(String header) {
        return new AcceptLanguage(WeightedList.parse(header, RANGE));
    }

    /** The well-formed ranges in the order the caller sent them. */
    List<Locale.LanguageRange> ranges() {
        return elements.stream().map(e -> new Locale.LanguageRange(e.value(), e.q())).toList();
    }

    /**
     * RFC 4647 section 3.4 lookup: the supported locale that best matches the acceptable ranges,
     * taken by descending {@code q} (the caller's order among equals); a range is shortened subtag
     * by subtag until it matches ({@code de-CH-1996} finds {@code de}). {@code q=0} means "not
     * acceptable" and {@code *} names no language, so neither selects anything.
     */
    Optional<Locale> lookup(List<Locale> supported) {
        List<Locale.LanguageRange> priority = ranges().stream()
                .filter(r -> r.getWeight() > 0 && !r.getRange().equals("*"))
                .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                .toList();
        return priority.isEmpty() ? Optional.empty() : Optional.ofNullable(Locale.lookup(priority, supported));
    }

    /** The header rebuilt from its well-formed elements ({@code fr-FR, de;q=0.8}); empty when none was. */
    Optional<String> canonical() {
        return WeightedList.format(elements);
    }
}
