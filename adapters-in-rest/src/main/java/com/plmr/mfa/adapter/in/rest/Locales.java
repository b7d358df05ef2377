package com.plmr.mfa.adapter.in.rest;

import java.util.List;
import java.util.Locale;

/** Language tags of requests: a challenge's {@code locale} and an initiate's {@code Accept-Language}. */
final class Locales {

    private Locales() {
    }

    static boolean isSupportedTag(String tag) {
        return tag != null && !Locale.forLanguageTag(tag).getLanguage().isEmpty();
    }

    static Locale parse(String tag) {
        return isSupportedTag(tag) ? Locale.forLanguageTag(tag) : null;
    }

    /** The caller's first acceptable language, or {@code null}; malformed headers are ignored. */
    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return ranges.stream().map(Locale.LanguageRange::getRange).filter(r -> !r.equals("*"))
                    .map(Locale::forLanguageTag).filter(l -> !l.getLanguage().isEmpty()).findFirst().orElse(null);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
