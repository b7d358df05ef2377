package com.plmr.mfa.adapter.in.rest;

import java.util.List;
import java.util.Locale;

/** Language tags of requests: a challenge's {@code locale} and an initiate's {@code Accept-Language}. */
final class Locales {

    /**
     * The languages messages are written in, as the spec documents them ({@code en}, {@code de});
     * the notify adapter's templates hold the same set (a bootstrap test keeps the two equal).
     */
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private Locales() {
    }

    static boolean isSupportedTag(String tag) {
        return tag != null && !Locale.forLanguageTag(tag).getLanguage().isEmpty();
    }

    static Locale parse(String tag) {
        return isSupportedTag(tag) ? Locale.forLanguageTag(tag) : null;
    }

    /**
     * The supported language an initiate's {@code Accept-Language} asks for (RFC 4647 lookup with
     * q-values), or {@code null} when it accepts none of them or says nothing usable; a malformed
     * header is never an error.
     */
    static Locale fromAcceptLanguage(String header) {
        return AcceptLanguage.parse(header).lookup(SUPPORTED).orElse(null);
    }
}
