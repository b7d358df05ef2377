package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;

import java.time.Duration;
import java.util.Objects;

/**
 * Reads a TOTP Key URI as an authenticator app does, so that tests can enrol the secret the
 * service answered and compute the app's codes. The scheme and type are matched
 * case-insensitively; absent {@code algorithm}, {@code digits} and {@code period} take the
 * format's defaults; unknown parameters are ignored; a repeated parameter, or an issuer that
 * differs between label and parameter, is ambiguous and rejected. The window is verifier policy
 * and not in the URI: the default is restored. Error messages never quote the URI.
 */
public final class OtpauthUriReader {

    private static final String PREFIX = "otpauth://totp/";

    private OtpauthUriReader() {
    }

    /** @throws IllegalArgumentException if {@code uri} is not a valid {@code otpauth://totp/} URI */
    public static OtpauthUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        int query = uri.indexOf('?');
        if (!uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || query < PREFIX.length()) {
            throw new IllegalArgumentException("not an otpauth://totp/ URI with parameters");
        }
        String label = PercentDecoding.decode(uri.substring(PREFIX.length(), query));
        UriQuery values = UriQuery.parse(uri.substring(query + 1));
        int colon = label.indexOf(':');
        String labelIssuer = colon < 0 ? null : label.substring(0, colon);
        String issuer = values.text("issuer", labelIssuer);
        if (issuer == null || (labelIssuer != null && !labelIssuer.equals(issuer))) {
            throw new IllegalArgumentException("issuer missing, or differs in label and parameter");
        }
        String account = label.substring(colon + 1).stripLeading();
        TotpSecret secret = TotpSecret.of(Base32Decoding.decode(values.required("secret")));
        return new OtpauthUri(issuer, account, secret, parameters(values));
    }

    private static TotpParameters parameters(UriQuery values) {
        return new TotpParameters(
                HmacAlgorithm.fromOtpauthName(values.text("algorithm", "SHA1")),
                values.number("digits", 6),
                Duration.ofSeconds(values.number("period", 30)),
                TotpParameters.defaults().window());
    }
}
