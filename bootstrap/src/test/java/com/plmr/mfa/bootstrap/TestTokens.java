package com.plmr.mfa.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Bearer tokens signed with the test environment's HS256 secret (see application-test.yml). */
final class TestTokens {

    static final String SECRET = "test-only-jwt-secret-0123456789abcdef";
    static final String ALL_SCOPES = "mfa.challenges.create mfa.challenges.read mfa.challenges.consume"
            + " mfa.challenges.cancel mfa.challenges.verify mfa.factors.manage mfa.factors.admin mfa.users.erase"
            + " mfa.audit.read";

    private TestTokens() {
    }

    static String user(String userId) {
        return sign(new JWTClaimsSet.Builder().subject(userId));
    }

    static String service(String clientId, String scopes) {
        return sign(new JWTClaimsSet.Builder().subject(clientId).claim("client_id", clientId).claim("scope", scopes));
    }

    static String sign(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                    claims.issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
