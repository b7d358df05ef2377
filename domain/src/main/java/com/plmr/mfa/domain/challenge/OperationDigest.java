package com.plmr.mfa.domain.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The digest of the operation a challenge approves: SHA-256 over the RFC 8785 (JCS) canonical
 * JSON of the step-up context exactly as the API shows it — every present member, absent ones
 * omitted — written {@code sha256:} followed by the hash in base64url without padding (RFC 4648
 * §5), 50 characters in all.
 *
 * <p>Whoever holds the context recomputes the digest with any RFC 8785 implementation, so a
 * consumer's downstream service compares it with the operation it is about to perform without
 * asking this service; the signed assertion carries it, and a code can be bound to it. Because the
 * canonical form is the API's JSON, a member added to the context's JSON is added in
 * {@link #members} and nowhere else. Two contexts that differ in any member, or in whether a
 * member is present, have different canonical forms, so a digest collision means a SHA-256
 * collision.
 */
public record OperationDigest(byte[] sha256) {

    /** Names the algorithm in the text form, so a later one can be told apart. */
    public static final String PREFIX = "sha256:";

    public OperationDigest {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        sha256 = sha256.clone();
    }

    public static OperationDigest of(StepUpContext context) {
        try {
            byte[] canonical = canonicalForm(context).getBytes(StandardCharsets.UTF_8);
            return new OperationDigest(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The RFC 8785 text that is hashed: the canonical JSON of {@link #members}. */
    public static String canonicalForm(StepUpContext context) {
        return CanonicalJson.write(members(context));
    }

    /**
     * The context's JSON members under the names the API gives them, absent ones left out: what
     * is hashed, and what the assertion carries as the operation. A new member of the context's
     * JSON belongs here, with its API name and JSON value (nested objects as maps, arrays as
     * lists, amounts as decimal strings, absent as null), and nowhere else.
     */
    public static Map<String, Object> members(StepUpContext context) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("operation", context.operation());
        members.put("reference", context.reference());
        members.put("digest", context.digest());
        members.put("summary", context.summary());
        members.put("transaction", transaction(context.transaction()));
        return CanonicalJson.present(members);
    }

    /** The transaction details as the API writes them, the amount at its currency's scale. */
    private static Map<String, Object> transaction(TransactionDetails details) {
        if (details == null) {
            return null;
        }
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("value", details.amount().decimal());
        amount.put("currency", details.amount().currencyCode());
        Map<String, Object> payee = new LinkedHashMap<>();
        payee.put("name", details.payee().name());
        payee.put("account", details.payee().account());
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", details.type());
        members.put("amount", amount);
        members.put("payee", payee);
        members.put("reference", details.reference());
        return members;
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** {@code sha256:} and the base64url hash without padding, as the assertion carries it. */
    public String text() {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OperationDigest digest && MessageDigest.isEqual(sha256, digest.sha256);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return text();
    }
}
