package com.plmr.mfa.client.assertion;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A step-up assertion that verified: who stepped up ({@code userId}), when and how, for which
 * challenge, and the claims as signed.
 *
 * @param challengeId the {@code jti}: the challenge the user verified, consumed once
 * @param acr         the assurance of the method (docs/step-up-assertion.md)
 * @param amr         RFC 8176 method values, e.g. {@code ["otp", "sms"]}
 */
public record VerifiedStepUp(String userId, String challengeId, Instant authTime, Instant expiresAt, String acr,
                             List<String> amr, Optional<String> nonce, String operationDigest, JsonNode claims) {
}
