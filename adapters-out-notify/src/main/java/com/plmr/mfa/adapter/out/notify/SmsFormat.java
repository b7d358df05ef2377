package com.plmr.mfa.adapter.out.notify;

import java.util.regex.Pattern;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * The lines an SMS ends with so that phones fill the code in by themselves.
 *
 * <ul>
 *   <li>{@code origin}: the web domain the user enters the code on. The SMS then ends with the
 *       origin-bound line {@code @<origin> #<code>} (WICG "Origin-bound one-time codes delivered via
 *       SMS"): the WebOTP API of Chrome on Android and the autofill of iOS and Android offer the code
 *       on that domain only, so a phishing page on another domain gets no offer.</li>
 *   <li>{@code androidAppHash}: the 11-character hash of an Android app that reads its codes with
 *       Google's SMS Retriever API, on a line of its own before the origin-bound line.</li>
 * </ul>
 * Either may be absent ({@code null}); without both the SMS is the template's text alone.
 *
 * @param origin         a lower-case host name ({@code example.com}, {@code xn--mnchen-3ya.de}), or {@code null}
 * @param androidAppHash 11 characters of {@code A-Z a-z 0-9 + /}, or {@code null}
 */
public record SmsFormat(String origin, String androidAppHash) {

    /** No autofill lines. */
    public static final SmsFormat PLAIN = new SmsFormat(null, null);

    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern APP_HASH = Pattern.compile("[A-Za-z0-9+/]{11}");

    public SmsFormat {
        require(origin == null || HOST.matcher(origin).matches(), "origin",
                "a lower-case host name such as example.com (no scheme, port or path; IDN in its xn-- form), or empty");
        require(androidAppHash == null || APP_HASH.matcher(androidAppHash).matches(), "androidAppHash",
                "the 11 characters of the app's SMS Retriever hash (A-Z a-z 0-9 + /), or empty");
    }

    /** The format as the settings write it: blank for absent. */
    public static SmsFormat of(String origin, String androidAppHash) {
        return new SmsFormat(blankToNull(origin), blankToNull(androidAppHash));
    }

    /** The lines that follow the message's text, each starting with a line break; empty without autofill. */
    String trailer(String code) {
        return (androidAppHash == null ? "" : "\n" + androidAppHash) + (origin == null ? "" : "\n@" + origin + " #" + code);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
