package com.plmr.mfa.bootstrap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyType;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.ec.ECSignature;
import io.micronaut.security.token.jwt.signature.ec.ECSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.rsa.RSASignature;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The keys bearer tokens are verified with in production: the identity provider's JWKS
 * ({@code MFA_JWKS_URL}, RS256 or ES256 keys chosen by the token's {@code kid}) and/or one static
 * public key in PEM ({@code MFA_JWT_PUBLIC_KEY}, RSA for RS256 or P-256 for ES256). The HS256
 * shared secret exists only in the dev and test configuration; with neither setting, every token
 * is refused (401), so a misconfigured deployment fails closed.
 */
@Factory
class TokenKeys {

    private static final String JWKS_NAME = "mfa-jwks";

    @Singleton
    @Named(JWKS_NAME)
    @Requires(property = "mfa.security.jwks-url", pattern = "https?://.+")
    JwksSignatureConfiguration jwks(@Value("${mfa.security.jwks-url}") String url,
                                    @Value("${mfa.security.jwks-key-type:RSA}") String keyType,
                                    @Value("${mfa.security.jwks-cache-seconds:60}") int cacheSeconds) {
        return new JwksSignatureConfiguration() {
            @Override
            public String getUrl() {
                return url;
            }

            @Override
            public KeyType getKeyType() {
                return KeyType.parse(keyType);
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
    @Requires(property = "mfa.security.jwt-public-key", pattern = "(?s).*-----BEGIN PUBLIC KEY-----.*")
    SignatureConfiguration publicKey(@Value("${mfa.security.jwt-public-key}") String pem) {
        PublicKey key = parse(pem);
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("MFA_JWT_PUBLIC_KEY: RSA keys need at least 2048 bits");
            }
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

    /** An X.509 SubjectPublicKeyInfo PEM ({@code openssl pkey -pubout}) of an RSA or EC key. */
    static PublicKey parse(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MFA_JWT_PUBLIC_KEY is not a PEM public key", e);
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalStateException("MFA_JWT_PUBLIC_KEY is neither an RSA nor an EC public key");
    }
}
