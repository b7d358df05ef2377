package com.plmr.mfa.client.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.KEYS_UNAVAILABLE;

/**
 * The service's JWKS ({@code /.well-known/jwks.json}), read when first needed and kept for the
 * cache time; a {@code kid} it does not hold makes it read the set again, at most once per minute, so
 * a rotated-in key is found at once and a stream of unknown kids cannot make it hammer the service.
 */
final class PublishedKeys {

    static final Duration REFRESH_AT_MOST_EVERY = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final URI jwks;
    private final Duration cacheTime;
    private final Clock clock;
    private Map<String, ECPublicKey> keys = Map.of();
    private Instant readAt;

    PublishedKeys(HttpClient http, URI jwks, Duration cacheTime, Clock clock) {
        this.http = http;
        this.jwks = jwks;
        this.cacheTime = cacheTime;
        this.clock = clock;
    }

    synchronized Optional<ECPublicKey> key(String kid) throws StepUpAssertionException {
        Instant now = clock.instant();
        boolean stale = readAt == null || !now.isBefore(readAt.plus(cacheTime));
        boolean unknownMayBeNew = !keys.containsKey(kid) && !now.isBefore(readAt == null ? now : readAt.plus(REFRESH_AT_MOST_EVERY));
        if (stale || unknownMayBeNew) {
            keys = read();
            readAt = now;
        }
        return Optional.ofNullable(keys.get(kid));
    }

    private Map<String, ECPublicKey> read() throws StepUpAssertionException {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new StepUpAssertionException(KEYS_UNAVAILABLE, jwks + " answered " + answer.statusCode());
            }
            Map<String, ECPublicKey> read = new HashMap<>();
            for (JsonNode key : JSON.readTree(answer.body()).path("keys")) {
                if ("EC".equals(key.path("kty").asText()) && "P-256".equals(key.path("crv").asText())
                        && key.hasNonNull("kid")) {
                    read.put(key.get("kid").asText(), publicKey(key.path("x").asText(), key.path("y").asText()));
                }
            }
            return Map.copyOf(read);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new StepUpAssertionException(KEYS_UNAVAILABLE, "the keys at " + jwks + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepUpAssertionException(KEYS_UNAVAILABLE, "interrupted while reading " + jwks, e);
        }
    }

    private static ECPublicKey publicKey(String x, String y) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(x)),
                new BigInteger(1, Base64.getUrlDecoder().decode(y)));
        return (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }
}
