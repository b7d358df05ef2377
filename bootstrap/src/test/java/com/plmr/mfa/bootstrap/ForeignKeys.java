package com.plmr.mfa.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;

/**
 * An identity provider on this machine: an RSA key published as JWKS by a local HTTP server and
 * an EC P-256 key handed over as PEM, both generated per run. Nothing leaves the machine.
 */
final class ForeignKeys implements AutoCloseable {

    final RSAKey rsa;
    final ECKey ec;
    private final HttpServer server;

    ForeignKeys() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("idp-rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID("idp-ec-1").generate();
            byte[] jwks = new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    String ecPublicKeyPem() {
        try {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(ec.toECPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder valid(String subject) {
        return new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 600_000));
    }

    String rs256(JWTClaimsSet.Builder claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(), claims, rsa, null);
    }

    String es256(JWTClaimsSet.Builder claims) {
        return sign(new JWSHeader(JWSAlgorithm.ES256), claims, null, ec);
    }

    /** Signed with a key the service does not know, under the known key's id. */
    static String rs256ByStranger(JWTClaimsSet.Builder claims, String keyId) {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims,
                    new RSAKeyGenerator(2048).keyID(keyId).generate(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSHeader header, JWTClaimsSet.Builder claims, RSAKey rsaKey, ECKey ecKey) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims.build());
            jwt.sign(rsaKey != null ? new RSASSASigner(rsaKey) : new ECDSASigner(ecKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
