package com.plmr.mfa.domain.challenge;

import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A step-up challenge: one user, one operation to approve, one attempt budget shared by all its
 * methods. Immutable; every transition returns the next state inside an outcome value, so a
 * refusal can never be mistaken for success.
 *
 * <p>Invariants: at most one delivered code works at a time ({@link #issuedCode()}); only wrong
 * codes spend attempts, attempts never exceed {@code maxAttempts}, and spending the last one
 * locks the challenge;
 * a challenge is verified at most once and consumed at most once; past {@link #expiresAt()} a
 * challenge that was not consumed, locked or cancelled reads as {@link ChallengeStatus#EXPIRED}.
 * Cancelling removes the step-up context. Time is always an argument.
 *
 * <p>Concurrency is the caller's business: transitions must be applied to the latest stored
 * state under a lock (see the persistence adapter), which is what makes the attempt budget
 * atomic across service instances.
 */
public record Challenge(
        ChallengeId id,
        UserId userId,
        StepUpContext context,
        Set<ChallengeMethod> allowedMethods,
        Locale locale,
        ChallengeStatus storedStatus,
        int attemptsUsed,
        int maxAttempts,
        int sendsUsed,
        Instant lastSentAt,
        IssuedCode issuedCode,
        Instant createdAt,
        Instant expiresAt,
        ChallengeMethod verifiedMethod,
        Instant verifiedAt,
        Instant consumedAt) {

    public Challenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(storedStatus, "storedStatus");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (allowedMethods == null || allowedMethods.isEmpty()) {
            throw new IllegalArgumentException("a challenge allows at least one method");
        }
        allowedMethods = Set.copyOf(allowedMethods);
        if (context == null && storedStatus != ChallengeStatus.CANCELLED) {
            throw new IllegalArgumentException("only a cancelled challenge has no context");
        }
        if (attemptsUsed < 0 || attemptsUsed > maxAttempts) {
            throw new IllegalArgumentException("attempts used must be within the budget");
        }
    }

    /** Opens a pending challenge that expires after the policy's challenge lifetime. */
    public static Challenge open(ChallengeId id, UserId userId, StepUpContext context,
                                 Set<ChallengeMethod> allowedMethods, Locale locale,
                                 ChallengePolicy policy, Instant now) {
        Objects.requireNonNull(context, "context");
        Set<ChallengeMethod> methods = allowedMethods == null || allowedMethods.isEmpty()
                ? EnumSet.allOf(ChallengeMethod.class) : allowedMethods;
        return new Challenge(id, userId, context, methods, locale, ChallengeStatus.PENDING, 0,
                policy.maxAttempts(), 0, null, null, now, now.plus(policy.challengeTtl()), null, null, null);
    }

    /** The status as of {@code now}: a stored pending or verified challenge past its end is expired. */
    public ChallengeStatus statusAt(Instant now) {
        boolean live = storedStatus == ChallengeStatus.PENDING || storedStatus == ChallengeStatus.VERIFIED;
        return live && !now.isBefore(expiresAt) ? ChallengeStatus.EXPIRED : storedStatus;
    }

    public int attemptsRemaining() {
        return maxAttempts - attemptsUsed;
    }

    public Optional<StepUpContext> stepUpContext() {
        return Optional.ofNullable(context);
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user);
    }

    /** Why a code of {@code method} cannot be sent now, or empty when it can. */
    public Optional<InitiationOutcome> refuseInitiation(ChallengeMethod method, ChallengePolicy policy, Instant now) {
        ChallengeStatus status = statusAt(now);
        if (status == ChallengeStatus.CANCELLED) {
            return Optional.of(new InitiationOutcome.ContextGone());
        }
        if (status != ChallengeStatus.PENDING) {
            return Optional.of(new InitiationOutcome.NotPending(status));
        }
        if (!method.isDelivered() || !allowedMethods.contains(method)) {
            return Optional.of(new InitiationOutcome.MethodNotAllowed(method));
        }
        if (sendsUsed >= policy.maxSends()) {
            return Optional.of(new InitiationOutcome.SendCapReached());
        }
        if (lastSentAt != null && now.isBefore(lastSentAt.plus(policy.resendCooldown()))) {
            return Optional.of(new InitiationOutcome.CoolingDown(
                    java.time.Duration.between(now, lastSentAt.plus(policy.resendCooldown()))));
        }
        return Optional.empty();
    }

    /**
     * Issues a new code (given as its keyed hash), replacing any earlier one.
     *
     * @throws IllegalStateException when {@link #refuseInitiation} refuses; callers check first
     */
    public InitiationOutcome.Issued issue(ChallengeMethod method, byte[] codeHash, ChallengePolicy policy, Instant now) {
        refuseInitiation(method, policy, now).ifPresent(refusal -> {
            throw new IllegalStateException("initiation refused: " + refusal);
        });
        Instant codeExpiry = earliest(now.plus(policy.codeTtl()), expiresAt);
        IssuedCode code = new IssuedCode(method, codeHash, now, codeExpiry);
        boolean replaced = issuedCode != null && !issuedCode.isExpiredAt(now);
        Challenge next = new Challenge(id, userId, context, allowedMethods, locale, storedStatus, attemptsUsed,
                maxAttempts, sendsUsed + 1, now, code, createdAt, expiresAt, null, null, null);
        return new InitiationOutcome.Issued(next, codeExpiry, now.plus(policy.resendCooldown()),
                policy.maxSends() - next.sendsUsed, replaced);
    }

    /**
     * Why a code presented for {@code method} is not even compared now, or empty when it may be:
     * the challenge is cancelled or no longer pending, does not allow the method, or has no live
     * code of that delivered method. Such refusals say nothing about the code and spend no
     * attempt; the caller checks the code only when this is empty, then {@link #settle}s.
     */
    public Optional<VerificationOutcome> refuseVerification(ChallengeMethod method, Instant now) {
        ChallengeStatus status = statusAt(now);
        if (status == ChallengeStatus.CANCELLED) {
            return Optional.of(new VerificationOutcome.ContextGone());
        }
        if (status != ChallengeStatus.PENDING) {
            return Optional.of(new VerificationOutcome.NotPending(status));
        }
        if (!allowedMethods.contains(method)) {
            return Optional.of(new VerificationOutcome.MethodNotAllowed(method));
        }
        if (method.isDelivered() && (issuedCode == null || issuedCode.method() != method)) {
            return Optional.of(new VerificationOutcome.NoCodeIssued(method));
        }
        if (method.isDelivered() && issuedCode.isExpiredAt(now)) {
            return Optional.of(new VerificationOutcome.CodeExpired());
        }
        return Optional.empty();
    }

    /**
     * Settles the comparison of a delivered code with the {@link #issuedCode()}: a right one
     * verifies the challenge, a wrong one spends an attempt, so the budget bounds the guesses an
     * attacker gets (RFC 4226 §7.3). Only wrong codes spend attempts.
     *
     * @throws IllegalStateException when {@link #refuseVerification} refuses; callers check first
     */
    public VerificationOutcome settle(ChallengeMethod method, boolean right, Instant now) {
        requireAdmitted(method, now);
        return right ? new VerificationOutcome.Verified(verified(method, now))
                : failed(attempt -> new VerificationOutcome.Rejected(attempt, attempt.attemptsRemaining()));
    }

    /**
     * Settles the verdict on an authenticator-app code: an accepted code verifies the challenge,
     * a replayed or wrong one (a code of a step outside the window is one) spends an attempt, and
     * a locked app or a text that cannot be a code of the app checked nothing, so they spend none.
     *
     * @throws IllegalStateException when {@link #refuseVerification} refuses; callers check first
     */
    public VerificationOutcome settle(TotpCheck appCode, Instant now) {
        requireAdmitted(ChallengeMethod.APP, now);
        return appCode.fold(new TotpCheck.Cases<>() {
            @Override
            public VerificationOutcome accepted(TotpCheck.Accepted check) {
                return new VerificationOutcome.Verified(verified(ChallengeMethod.APP, now));
            }

            @Override
            public VerificationOutcome replayed(TotpCheck.Replayed check) {
                return failed(attempt -> new VerificationOutcome.Replayed(attempt, attempt.attemptsRemaining()));
            }

            @Override
            public VerificationOutcome rejected(TotpCheck.Rejected check) {
                return failed(attempt -> new VerificationOutcome.Rejected(attempt, attempt.attemptsRemaining()));
            }

            @Override
            public VerificationOutcome locked(TotpCheck.Locked check) {
                return new VerificationOutcome.FactorLocked(check.retryAfter());
            }

            @Override
            public VerificationOutcome malformed(TotpCheck.Malformed check) {
                return new VerificationOutcome.MalformedCode(check.digits());
            }
        });
    }

    /** Consumes a verified challenge: the consumer's operation proceeds, exactly once. */
    public ConsumeOutcome consume(Instant now) {
        return switch (statusAt(now)) {
            case VERIFIED -> new ConsumeOutcome.Consumed(new Challenge(id, userId, context, allowedMethods, locale,
                    ChallengeStatus.CONSUMED, attemptsUsed, maxAttempts, sendsUsed, lastSentAt, null, createdAt,
                    expiresAt, verifiedMethod, verifiedAt, now));
            case PENDING -> new ConsumeOutcome.NotVerified();
            case CANCELLED -> new ConsumeOutcome.ContextGone();
            case CONSUMED, EXPIRED, LOCKED -> new ConsumeOutcome.Gone(statusAt(now));
        };
    }

    /** Cancels the step-up request: the context is removed and no code works any more. */
    public CancelOutcome cancel(Instant now) {
        return switch (statusAt(now)) {
            case PENDING -> new CancelOutcome.Cancelled(new Challenge(id, userId, null, allowedMethods, locale,
                    ChallengeStatus.CANCELLED, attemptsUsed, maxAttempts, sendsUsed, lastSentAt, null, createdAt,
                    expiresAt, null, null, null));
            case CANCELLED -> new CancelOutcome.Cancelled(this);
            case VERIFIED, CONSUMED, EXPIRED, LOCKED -> new CancelOutcome.Gone(statusAt(now));
        };
    }

    private void requireAdmitted(ChallengeMethod method, Instant now) {
        refuseVerification(method, now).ifPresent(refusal -> {
            throw new IllegalStateException("verification refused: " + refusal);
        });
    }

    private Challenge verified(ChallengeMethod method, Instant now) {
        return new Challenge(id, userId, context, allowedMethods, locale, ChallengeStatus.VERIFIED, attemptsUsed,
                maxAttempts, sendsUsed, lastSentAt, null, createdAt, expiresAt, method, now, null);
    }

    private VerificationOutcome failed(java.util.function.Function<Challenge, VerificationOutcome> outcome) {
        int used = attemptsUsed + 1;
        ChallengeStatus next = used >= maxAttempts ? ChallengeStatus.LOCKED : storedStatus;
        IssuedCode code = next == ChallengeStatus.LOCKED ? null : issuedCode;
        return outcome.apply(new Challenge(id, userId, context, allowedMethods, locale, next, used, maxAttempts,
                sendsUsed, lastSentAt, code, createdAt, expiresAt, null, null, null));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
