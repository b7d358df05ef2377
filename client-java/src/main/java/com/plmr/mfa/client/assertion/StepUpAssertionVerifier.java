package com.plmr.mfa.client.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.BAD_SIGNATURE;
import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.EXPIRED;
import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.MALFORMED;
import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.NONCE_MISMATCH;
import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.NOT_AN_ASSERTION;
import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.OPERATION_MISMATCH;
import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.UNKNOWN_KEY;
import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.WRONG_AUDIENCE;
import static com.plmr.mfa.client.assertion.StepUpAssertionException.Reason.WRONG_ISSUER;

/**
 * Verifies the step-up assertion a consumer received from {@code consumeChallenge}, offline apart
 * from reading the service's published keys: the ES256 signature against the key its {@code kid}
 * names, the issuer, the audience (the consumer's own client id), the expiry, and that the operation
 * it approved is the one about to be performed (its {@code operation_digest} recomputed from that
 * operation). One instance per issuer is meant to be shared; it is thread-safe.
 *
 * <pre>{@code
 * StepUpAssertionVerifier verifier = StepUpAssertionVerifier.forIssuer("https://mfa.example.com", "payments");
 * VerifiedStepUp stepUp = verifier.verify(assertion, new StepUpContext().operation("payment").reference("pay-8c1f2"));
 * }</pre>
 */
public final class StepUpAssertionVerifier {

    static final String TYPE = "step-up+jwt";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String issuer;
    private final String audience;
    private final PublishedKeys keys;
    private final Clock clock;
    private final Duration leeway;

    private StepUpAssertionVerifier(String issuer, String audience, PublishedKeys keys, Clock clock, Duration leeway) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.keys = keys;
        this.clock = clock;
        this.leeway = leeway;
    }

    /** Keys from {@code issuer + "/.well-known/jwks.json"}, kept 5 minutes, 30 s of clock skew allowed. */
    public static StepUpAssertionVerifier forIssuer(String issuer, String audience) {
        return forIssuer(issuer, audience, URI.create(issuer.replaceAll("/+$", "") + "/.well-known/jwks.json"),
                HttpClient.newHttpClient(), Clock.systemUTC(), Duration.ofSeconds(30));
    }

    /**
     * As {@link #forIssuer(String, String)} with the keys' URL (where the service is reached under
     * another address than its issuer URL), the HTTP client, the clock and the allowed clock skew given.
     */
    public static StepUpAssertionVerifier forIssuer(String issuer, String audience, URI jwks, HttpClient http,
                                                    Clock clock, Duration leeway) {
        return new StepUpAssertionVerifier(issuer, audience, new PublishedKeys(http, jwks, Duration.ofMinutes(5), clock),
                clock, leeway);
    }

    /** Verifies {@code assertion} for {@code operation}, whatever its nonce. */
    public VerifiedStepUp verify(String assertion, Object operation) throws StepUpAssertionException {
        return verify(assertion, operation, null);
    }

    /**
     * @param operation the step-up context of the operation about to be performed (the SDK's
     *                  {@code StepUpContext}, or any object written as that JSON)
     * @param nonce     the nonce given at the challenge's creation, or {@code null} not to check it
     * @throws StepUpAssertionException when the operation must not proceed on this assertion
     */
    public VerifiedStepUp verify(String assertion, Object operation, String nonce) throws StepUpAssertionException {
        String[] parts = Objects.requireNonNull(assertion, "assertion").split("\\.", -1);
        if (parts.length != 3) {
            throw new StepUpAssertionException(MALFORMED, "an assertion is a compact JWS of three parts");
        }
        JsonNode header = json(parts[0]);
        if (!"ES256".equals(header.path("alg").asText()) || !TYPE.equals(header.path("typ").asText())) {
            throw new StepUpAssertionException(NOT_AN_ASSERTION, "not an ES256 token of type " + TYPE);
        }
        String kid = header.path("kid").asText();
        ECPublicKey key = keys.key(kid).orElseThrow(() ->
                new StepUpAssertionException(UNKNOWN_KEY, "no published key has the kid " + kid));
        if (!signatureHolds(key, parts)) {
            throw new StepUpAssertionException(BAD_SIGNATURE, "the signature does not verify");
        }
        JsonNode claims = json(parts[1]);
        return checked(claims, OperationDigests.of(operation), nonce);
    }

    private VerifiedStepUp checked(JsonNode claims, String digest, String nonce) throws StepUpAssertionException {
        if (!issuer.equals(claims.path("iss").asText(null))) {
            throw new StepUpAssertionException(WRONG_ISSUER, "issued by " + claims.path("iss") + ", not " + issuer);
        }
        JsonNode aud = claims.path("aud");
        boolean forUs = aud.isArray() ? contains(aud, audience) : audience.equals(aud.asText(null));
        if (!forUs) {
            throw new StepUpAssertionException(WRONG_AUDIENCE, "addressed to " + aud + ", not " + audience);
        }
        Instant now = clock.instant();
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong(0));
        if (!claims.path("exp").isNumber() || !now.isBefore(expires.plus(leeway))
                || Instant.ofEpochSecond(claims.path("iat").asLong(Long.MAX_VALUE)).isAfter(now.plus(leeway))) {
            throw new StepUpAssertionException(EXPIRED, "expired at " + expires + " or issued after " + now);
        }
        if (!equal(digest, claims.path("operation_digest").asText(""))) {
            throw new StepUpAssertionException(OPERATION_MISMATCH, "the assertion approved another operation");
        }
        Optional<String> carried = Optional.ofNullable(claims.path("nonce").asText(null));
        if (nonce != null && !carried.filter(value -> equal(nonce, value)).isPresent()) {
            throw new StepUpAssertionException(NONCE_MISMATCH, "the assertion carries another nonce");
        }
        List<String> amr = new ArrayList<>();
        claims.path("amr").forEach(value -> amr.add(value.asText()));
        return new VerifiedStepUp(claims.path("sub").asText(), claims.path("jti").asText(),
                Instant.ofEpochSecond(claims.path("auth_time").asLong()), expires, claims.path("acr").asText(),
                List.copyOf(amr), carried, digest, claims);
    }

    private static boolean signatureHolds(ECPublicKey key, String[] parts) throws StepUpAssertionException {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StepUpAssertionException(BAD_SIGNATURE, "the signature does not verify", e);
        }
    }

    private static JsonNode json(String part) throws StepUpAssertionException {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw new StepUpAssertionException(MALFORMED, "a part of the assertion is no JSON object");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw new StepUpAssertionException(MALFORMED, "a part of the assertion is no base64url JSON", e);
        }
    }

    private static boolean contains(JsonNode values, String wanted) {
        for (JsonNode value : values) {
            if (wanted.equals(value.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
