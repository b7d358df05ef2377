package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.domain.authenticator.TotpParameters;
import com.plmr.mfa.domain.authenticator.TotpSecret;
import com.plmr.mfa.domain.factor.TotpRegistration;

import java.util.Objects;

/**
 * The Key URI that enrols a TOTP secret in an authenticator app, usually shown as a QR code
 * (Google Authenticator's "Key Uri Format"), on one line:
 * <pre>
 * otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&amp;issuer=ISSUER
 *                              &amp;algorithm=SHA1&amp;digits=6&amp;period=30
 * </pre>
 * It is how the start of a registration presents the secret to the user, so it lives at this edge
 * and not in the domain.
 *
 * <p>Invariants: issuer and account name are non-blank and contain no colon, the one character
 * that separates them in the label. Both are percent-encoded (RFC 3986 §2.1), a space as
 * {@code %20}; the issuer appears in the label and as a parameter, as the format recommends. The
 * window of the parameters is verifier policy and not part of the URI.
 *
 * <p>Security: {@link #toUri()} and {@link #secretText()} contain the secret in clear and must be
 * treated like it (answered once, never logged); {@link #toString()} masks it, because
 * {@link TotpSecret} does.
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

    /** The Key URI of {@code registration}, whose secret, opened, is {@code secret}. */
    static OtpauthUri of(TotpRegistration registration, TotpSecret secret) {
        return new OtpauthUri(registration.issuer(), registration.accountName(), secret,
                registration.parameters());
    }

    /** The URI text, secret included. */
    public String toUri() {
        String encodedIssuer = PercentEncoding.encode(issuer);
        return PREFIX + encodedIssuer + ':' + PercentEncoding.encode(accountName)
                + "?secret=" + secretText()
                + "&issuer=" + encodedIssuer
                + "&algorithm=" + parameters.algorithm().otpauthName()
                + "&digits=" + parameters.digits()
                + "&period=" + parameters.periodSeconds();
    }

    /** The secret as the "enter a setup key" screens of apps take it: upper-case base32. */
    public String secretText() {
        return Base32.encode(secret.bytes());
    }

    private static void requireLabelPart(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(name + " must be non-blank and have no colon");
        }
    }
}
