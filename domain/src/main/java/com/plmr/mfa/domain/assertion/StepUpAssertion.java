package com.plmr.mfa.domain.assertion;

import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeStatus;
import com.plmr.mfa.domain.challenge.OperationDigest;
import com.plmr.mfa.domain.challenge.Requester;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.Verification;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of a signed, single-use proof that a user stepped up for one operation, issued when
 * the consumer consumes the verified challenge. The consume call stays the gate (a challenge is
 * consumed once, so there is one assertion per challenge); the assertion lets the consumer's
 * downstream services check offline, against the published keys, who approved what, how and for
 * whom, until it expires a few minutes later.
 *
 * <p>Its {@code jti} is the challenge id: unique because a challenge is consumed at most once, and
 * tied to the challenge's audit trail. The operation is the context as the API shows it, beside its
 * {@link OperationDigest}, which a verifier recomputes from the operation it is about to perform.
 *
 * @param audience the consumer service that created the challenge (its client id)
 * @param nonce    the consumer's nonce from the challenge's creation, if it gave one
 */
public record StepUpAssertion(String issuer, UserId subject, String audience, ChallengeId challenge,
                              Instant issuedAt, Instant expiresAt, Instant authTime, Assurance assurance,
                              Map<String, Object> operation, OperationDigest operationDigest,
                              Optional<String> nonce) {

    public StepUpAssertion {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(assurance, "assurance");
        Objects.requireNonNull(operationDigest, "operationDigest");
        Objects.requireNonNull(nonce, "nonce");
        operation = Map.copyOf(operation);
        if (!expiresAt.isAfter(issuedAt) || authTime.isAfter(issuedAt)) {
            throw new IllegalArgumentException("an assertion is issued after the verification and expires after its issue");
        }
    }

    /**
     * The assertion of a challenge that was just consumed: issued at its consumption, expiring the
     * policy's lifetime later, authenticated at its verification by its verified method.
     *
     * @param consumingService the client id of the service that consumed it, the audience when the
     *                         challenge's requester names no consumer (a challenge created before
     *                         requesters were kept)
     */
    public static StepUpAssertion of(Challenge consumed, Requester requester, String consumingService,
                                     AssertionPolicy policy) {
        if (consumed.storedStatus() != ChallengeStatus.CONSUMED) {
            throw new IllegalArgumentException("only a consumed challenge has an assertion");
        }
        StepUpContext context = consumed.context();
        Verification verification = consumed.verified().orElseThrow();
        Instant issued = verification.consumedAt();
        return new StepUpAssertion(policy.issuer(), consumed.userId(), requester.consumerId().orElse(consumingService),
                consumed.id(), issued, issued.plus(policy.lifetime()), verification.verifiedAt(),
                Assurance.of(verification.method()), OperationDigest.members(context), OperationDigest.of(context),
                requester.nonceValue());
    }

    /** The {@code jti}: the challenge id, see the class comment. */
    public String jwtId() {
        return challenge.value();
    }

    public String acr() {
        return assurance.acr();
    }

    public List<String> amr() {
        return assurance.amr();
    }
}
