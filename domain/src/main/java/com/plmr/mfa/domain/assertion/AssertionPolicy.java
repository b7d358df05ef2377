package com.plmr.mfa.domain.assertion;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * How step-up assertions are issued: by which issuer, valid for how long.
 *
 * <p>The lifetime is short on purpose. The consume call is the single-use gate; the assertion only
 * lets the consumer's downstream services check offline what was approved while the operation is
 * carried out, so it need not outlive that (at most 5 minutes, the bound of the issue; 2 minutes by
 * default), and a leaked assertion is worth little once expired. Whole seconds, as JWT NumericDate
 * (RFC 7519 §2) counts them.
 *
 * @param issuer   the {@code iss} of every assertion: an absolute http(s) URL without query, fragment
 *                 or user info, under which {@code /.well-known/jwks.json} publishes the keys
 * @param lifetime from {@code iat} to {@code exp}, 10 s to 5 min in whole seconds
 */
public record AssertionPolicy(String issuer, Duration lifetime) {

    public static final Duration MIN_LIFETIME = Duration.ofSeconds(10);
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    public AssertionPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(lifetime, "lifetime");
        require(isIssuerUrl(issuer), "issuer",
                "an absolute http or https URL of this service without query or fragment, e.g. https://mfa.example.com");
        require(lifetime.compareTo(MIN_LIFETIME) >= 0 && lifetime.compareTo(MAX_LIFETIME) <= 0
                && lifetime.getNano() == 0, "lifetime", "10s to 5m in whole seconds");
    }

    private static boolean isIssuerUrl(String issuer) {
        try {
            URI uri = new URI(issuer);
            return issuer.length() <= 255 && uri.isAbsolute() && ("https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme())) && uri.getHost() != null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
