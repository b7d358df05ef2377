package com.plmr.mfa.bootstrap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyType;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.ec.ECSignature;
import io.micronaut.security.token.jwt.signature.ec.ECSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.rsa.RSASignature;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.PublicKey;
import java.time.Duration;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * The keys bearer tokens are verified with in production: the identity provider's JWKS
 * ({@code MFA_JWKS_URL}, RS256 or ES256 keys chosen by the token's {@code kid}) and/or one static
 * public key in PEM ({@code MFA_JWT_PUBLIC_KEY}, RSA for RS256 or P-256 for ES256). The HS256
 * shared secret exists only in the dev and test configuration; with neither setting, every token
 * is refused (401), so a misconfigured deployment fails closed. Both settings are parsed and
 * checked by {@link TokenRules} at start-up.
 */
@Factory
class TokenKeys {

    private static final String JWKS_NAME = "mfa-jwks";
    private static final String FRAMEWORK_ISSUER = "micronaut.security.token.jwt.claims-validators.issuer";

    /**
     * The token settings, parsed once. The framework's own issuer setting is refused: its check
     * accepts any suffix of the configured issuer, so it must not look like protection.
     */
    @Singleton
    TokenRules tokenRules(Settings settings) {
        return settings.build(values -> {
            require(values.text("frameworkIssuer", FRAMEWORK_ISSUER).isBlank(), "frameworkIssuer",
                    "unset: the framework's issuer check accepts any suffix of the issuer; set MFA_JWT_ISSUER,"
                            + " which is compared exactly");
            return TokenRules.of(
                values.text("jwksUrl", "mfa.security.jwks-url"),
                values.text("jwksKeyType", "mfa.security.jwks-key-type"),
                values.text("publicKey", "mfa.security.jwt-public-key"),
                values.text("issuer", "mfa.security.issuer"),
                values.text("audience", "mfa.security.audience"),
                values.duration("notBeforeLeeway", "mfa.security.not-before-leeway"));
        });
    }

    /** The verified-token cache's settings, checked at start with the rest. */
    @Singleton
    VerifiedTokenCache.Rules tokenCacheRules(Settings settings) {
        return settings.build(values -> new VerifiedTokenCache.Rules(
                values.integer("size", "mfa.security.token-cache-size"),
                Duration.ofSeconds(values.integer("keysRefresh", "mfa.security.jwks-cache-seconds"))));
    }

    @Singleton
    @Named(JWKS_NAME)
    @Requires(property = "mfa.security.jwks-url", pattern = ".*\\S.*")
    JwksSignatureConfiguration jwks(TokenRules rules, VerifiedTokenCache.Rules cache) {
        int cacheSeconds = (int) cache.keysRefresh().toSeconds();
        String url = rules.jwksUrl().orElseThrow().toString();
        KeyType keyType = KeyType.parse(rules.jwksKeyType());
        return new JwksSignatureConfiguration() {
            @Override
            public String getUrl() {
                return url;
            }

            @Override
            public KeyType getKeyType() {
                return keyType;
            }

            @Override
            @SuppressWarnings("removal")
            public Integer getCacheExpiration() {
                return cacheSeconds;
            }

            @Override
            public String getName() {
                return JWKS_NAME;
            }
        };
    }

    @Singleton
    @Named("mfa-public-key")
    @Requires(property = "mfa.security.jwt-public-key", pattern = "(?s).*\\S.*")
    SignatureConfiguration publicKey(TokenRules rules) {
        PublicKey key = rules.publicKey().orElseThrow();
        if (key instanceof RSAPublicKey rsa) {
            return new RSASignature(() -> rsa);
        }
        ECPublicKey ec = (ECPublicKey) key;
        return new ECSignature(new ECSignatureConfiguration() {
            @Override
            public ECPublicKey getPublicKey() {
                return ec;
            }

            @Override
            public JWSAlgorithm getJwsAlgorithm() {
                return JWSAlgorithm.ES256;
            }
        });
    }
}
