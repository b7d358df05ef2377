package com.plmr.mfa.domain.authenticator;

import java.time.Duration;
import java.util.Objects;

/**
 * The Key URI that enrols a TOTP secret in an authenticator app, usually shown as a QR code
 * (Google Authenticator's "Key Uri Format"), on one line:
 * <pre>
 * otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&amp;issuer=ISSUER
 *                              &amp;algorithm=SHA1&amp;digits=6&amp;period=30
 * </pre>
 *
 * <p>Invariants: issuer and account name are non-blank and contain no colon, the one character
 * that separates them in the label. Both are percent-encoded (RFC 3986 §2.1), a space as
 * {@code %20}; the issuer appears in the label and as a parameter, as the format recommends. The
 * window of the parameters is verifier policy and not part of the URI: {@link #parse} restores
 * the default.
 *
 * <p>Security: {@link #toUri()} contains the secret in clear and must be treated like it (shown
 * once, never logged); {@link #toString()} masks it, like {@link TotpSecret} does. Error messages
 * never quote the URI.
 */
public record OtpauthUri(
        String issuer, String accountName, TotpSecret secret, TotpParameters parameters) {

    private static final String PREFIX = "otpauth://totp/";

    public OtpauthUri {
        requireLabelPart(issuer, "issuer");
        requireLabelPart(accountName, "accountName");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** The URI text, secret included. */
    public String toUri() {
        String encodedIssuer = PercentEncoding.encode(issuer);
        return PREFIX + encodedIssuer + ':' + PercentEncoding.encode(accountName)
                + "?secret=" + secret.toBase32()
                + "&issuer=" + encodedIssuer
                + "&algorithm=" + parameters.algorithm().otpauthName()
                + "&digits=" + parameters.digits()
                + "&period=" + parameters.periodSeconds();
    }

    /**
     * Reads a TOTP Key URI. The scheme and type are matched case-insensitively; absent {@code
     * algorithm}, {@code digits} and {@code period} take the format's defaults; unknown parameters
     * are ignored; a repeated parameter, or an issuer that differs between label and parameter,
     * is ambiguous and rejected.
     *
     * @throws IllegalArgumentException if {@code uri} is not a valid {@code otpauth://totp/} URI
     */
    public static OtpauthUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        int query = uri.indexOf('?');
        if (!uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || query < PREFIX.length()) {
            throw new IllegalArgumentException("not an otpauth://totp/ URI with parameters");
        }
        String label = PercentEncoding.decode(uri.substring(PREFIX.length(), query));
        UriQuery values = UriQuery.parse(uri.substring(query + 1));
        int colon = label.indexOf(':');
        String labelIssuer = colon < 0 ? null : label.substring(0, colon);
        String issuer = values.text("issuer", labelIssuer);
        if (issuer == null || (labelIssuer != null && !labelIssuer.equals(issuer))) {
            throw new IllegalArgumentException("issuer missing, or differs in label and parameter");
        }
        String account = label.substring(colon + 1).stripLeading();
        TotpSecret secret = TotpSecret.fromBase32(values.required("secret"));
        return new OtpauthUri(issuer, account, secret, parameters(values));
    }

    private static TotpParameters parameters(UriQuery values) {
        return new TotpParameters(
                HmacAlgorithm.fromOtpauthName(values.text("algorithm", "SHA1")),
                values.number("digits", 6),
                Duration.ofSeconds(values.number("period", 30)),
                TotpParameters.defaults().window());
    }

    private static void requireLabelPart(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(name + " must be non-blank and have no colon");
        }
    }
}
