package com.plmr.mfa.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.plmr.mfa.application.port.out.SignAssertionPort;
import com.plmr.mfa.domain.assertion.AssertionKey;
import com.plmr.mfa.domain.assertion.StepUpAssertion;

import java.util.Date;
import java.util.List;

/**
 * Signs step-up assertions as JWTs (RFC 7519) with ES256 and the signing key's {@code kid}. The
 * header's {@code typ} is {@value #TYPE} (explicit typing, RFC 8725 §3.11), so an assertion cannot
 * be passed off as an access token or an ID token, nor one of those as an assertion.
 */
final class JwsAssertionSigner implements SignAssertionPort {

    static final String TYPE = "step-up+jwt";
    private final AssertionKeyRing keys;
    private final ECDSASigner signer;

    JwsAssertionSigner(AssertionKeyRing keys) {
        this.keys = keys;
        try {
            this.signer = new ECDSASigner(keys.signing().privateKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("a P-256 key signs ES256", e);
        }
    }

    @Override
    public String sign(StepUpAssertion assertion) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(assertion.issuer())
                .subject(assertion.subject().value())
                .audience(assertion.audience())
                .issueTime(Date.from(assertion.issuedAt()))
                .expirationTime(Date.from(assertion.expiresAt()))
                .jwtID(assertion.jwtId())
                .claim("auth_time", assertion.authTime().getEpochSecond())
                .claim("acr", assertion.acr())
                .claim("amr", assertion.amr())
                .claim("operation", assertion.operation())
                .claim("operation_digest", assertion.operationDigest().text());
        assertion.nonce().ifPresent(nonce -> claims.claim("nonce", nonce));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.signing().kid())
                .type(new JOSEObjectType(TYPE)).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with a configured P-256 key cannot fail", e);
        }
        return jwt.serialize();
    }

    @Override
    public List<AssertionKey> publishedKeys() {
        return keys.keys().stream().map(key -> new AssertionKey(key.kid(), key.publicKey())).toList();
    }
}
