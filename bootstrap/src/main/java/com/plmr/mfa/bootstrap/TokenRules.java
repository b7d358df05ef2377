package com.plmr.mfa.bootstrap;

import com.plmr.mfa.domain.ParameterException;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * What a bearer token must satisfy beyond its signature ({@code mfa.security.*}): the keys it is
 * verified with (a JWKS URL and/or one public key), its issuer and audience when configured, and
 * how far in the future its {@code nbf} may lie (clock skew between the identity provider and this
 * service). Parsed and checked once at start-up, so a mistyped key or URL stops the start instead
 * of silently leaving every token refused.
 *
 * @param jwksUrl         the identity provider's JWKS, if configured
 * @param jwksKeyType     {@code RSA} (RS256) or {@code EC} (ES256 on P-256)
 * @param publicKey       one static RSA (at least 2048 bits) or P-256 public key, if configured
 * @param issuer          the only accepted {@code iss}, compared exactly, if configured
 * @param audience        a value {@code aud} must contain, if configured
 * @param notBeforeLeeway how far in the future {@code nbf} may be, 0s to {@value #MAX_LEEWAY_TEXT}
 */
record TokenRules(Optional<URI> jwksUrl, String jwksKeyType, Optional<PublicKey> publicKey,
                  Optional<String> issuer, Optional<String> audience, Duration notBeforeLeeway) {

    static final String MAX_LEEWAY_TEXT = "5m";
    private static final Duration MAX_LEEWAY = Duration.ofMinutes(5);
    private static final ECParameterSpec P256 = p256();

    TokenRules {
        require(jwksKeyType.equals("RSA") || jwksKeyType.equals("EC"), "jwksKeyType", "RSA or EC");
        require(!notBeforeLeeway.isNegative() && notBeforeLeeway.compareTo(MAX_LEEWAY) <= 0, "notBeforeLeeway",
                "0s to " + MAX_LEEWAY_TEXT);
    }

    /** The rules from the settings' text; empty text means "not configured". */
    static TokenRules of(String jwksUrl, String jwksKeyType, String publicKeyPem, String issuer, String audience,
                         Duration notBeforeLeeway) {
        return new TokenRules(present(jwksUrl).map(TokenRules::url), jwksKeyType.trim().toUpperCase(Locale.ROOT),
                present(publicKeyPem).map(TokenRules::publicKey), present(issuer), present(audience), notBeforeLeeway);
    }

    private static Optional<String> present(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    private static URI url(String text) {
        try {
            URI url = new URI(text);
            require(("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null,
                    "jwksUrl", "an absolute http(s) URL, e.g. https://idp.example.com/.well-known/jwks.json");
            return url;
        } catch (URISyntaxException e) {
            throw new ParameterException("jwksUrl", "an absolute http(s) URL, e.g. https://idp.example.com/.well-known/jwks.json");
        }
    }

    /** An X.509 SubjectPublicKeyInfo PEM ({@code openssl pkey -pubout}) of an RSA or P-256 key. */
    static PublicKey publicKey(String pem) {
        String requirement = "a PEM public key (-----BEGIN PUBLIC KEY-----): RSA of at least 2048 bits or EC P-256";
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("publicKey", requirement);
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                require(acceptable(key), "publicKey", requirement);
                return key;
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new ParameterException("publicKey", requirement);
    }

    private static boolean acceptable(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= 2048;
        }
        return key instanceof ECPublicKey ec && ec.getParams().getCurve().equals(P256.getCurve())
                && ec.getParams().getGenerator().equals(P256.getGenerator());
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform knows the curve P-256", e);
        }
    }
}
