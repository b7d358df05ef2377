package com.plmr.mfa.domain.challenge;

import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A step-up challenge: one user, one operation to approve, one attempt budget shared by all its
 * methods. Immutable; every transition returns the next state inside an outcome value, so a
 * refusal can never be mistaken for success. Its state is grouped into small values: the
 * {@link Terms} it was opened on, its {@link AttemptBudget}, the {@link CodeDelivery} of its
 * codes and, once verified, its {@link Verification}.
 *
 * <p>Invariants: at most one delivered code works at a time ({@link CodeDelivery#current()});
 * only wrong codes spend attempts, attempts never exceed the budget, and spending the last one
 * locks the challenge;
 * a challenge is verified at most once and consumed at most once; past {@link Terms#expiresAt()} a
 * challenge that was not consumed, locked or cancelled reads as {@link ChallengeStatus#EXPIRED}.
 * Cancelling removes the step-up context. Time is always an argument.
 *
 * <p>Concurrency is the caller's business: transitions must be applied to the latest stored
 * state under a lock (see the persistence adapter), which is what makes the attempt budget
 * atomic across service instances.
 *
 * @param context      what the challenge approves; {@code null} only once cancelled
 * @param verification how it was verified; {@code null} until then
 */
public record Challenge(
        ChallengeId id,
        UserId userId,
        StepUpContext context,
        Terms terms,
        ChallengeStatus storedStatus,
        AttemptBudget attempts,
        CodeDelivery delivery,
        Verification verification) {

    public Challenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(storedStatus, "storedStatus");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(delivery, "delivery");
        if (context == null && storedStatus != ChallengeStatus.CANCELLED) {
            throw new IllegalArgumentException("only a cancelled challenge has no context");
        }
    }

    /** Opens a pending challenge that expires after the policy's challenge lifetime. */
    public static Challenge open(ChallengeId id, UserId userId, StepUpContext context,
                                 Set<ChallengeMethod> allowedMethods, Locale locale,
                                 ChallengePolicy policy, Instant now) {
        Objects.requireNonNull(context, "context");
        return new Challenge(id, userId, context, Terms.from(allowedMethods, locale, policy, now),
                ChallengeStatus.PENDING, AttemptBudget.of(policy.maxAttempts()), CodeDelivery.NONE, null);
    }

    /** The status as of {@code now}: a stored pending or verified challenge past its end is expired. */
    public ChallengeStatus statusAt(Instant now) {
        boolean live = storedStatus == ChallengeStatus.PENDING || storedStatus == ChallengeStatus.VERIFIED;
        return live && terms.isOverAt(now) ? ChallengeStatus.EXPIRED : storedStatus;
    }

    public int attemptsRemaining() {
        return attempts.remaining();
    }

    /** The code that currently works, if one was sent and not yet used up. */
    public Optional<IssuedCode> issuedCode() {
        return Optional.ofNullable(delivery.current());
    }

    /** How the challenge was verified, once it was. */
    public Optional<Verification> verified() {
        return Optional.ofNullable(verification);
    }

    public Optional<StepUpContext> stepUpContext() {
        return Optional.ofNullable(context);
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user);
    }

    /** Why a code of {@code method} cannot be sent now, or empty when it can. */
    public Optional<InitiationOutcome> refuseInitiation(ChallengeMethod method, ChallengePolicy policy, Instant now) {
        return refuseInitiation(method, policy, now, false);
    }

    /**
     * Why a code of {@code method} cannot be sent now, or empty when it can. When the provider
     * reported the last code undelivered, the resend cooldown does not apply: it holds back a user
     * whose code is on its way, and that code never arrives; the send cap still does.
     */
    public Optional<InitiationOutcome> refuseInitiation(ChallengeMethod method, ChallengePolicy policy, Instant now,
                                                        boolean lastUndelivered) {
        ChallengeStatus status = statusAt(now);
        if (status == ChallengeStatus.CANCELLED) {
            return Optional.of(new InitiationOutcome.ContextGone());
        }
        if (status != ChallengeStatus.PENDING) {
            return Optional.of(new InitiationOutcome.NotPending(status));
        }
        if (!method.isDelivered() || !terms.allows(method)) {
            return Optional.of(new InitiationOutcome.MethodNotAllowed(method));
        }
        return delivery.refusal(policy, now, lastUndelivered);
    }

    /**
     * Issues a new code (given as its keyed hash), replacing any earlier one.
     *
     * @throws IllegalStateException when {@link #refuseInitiation} refuses; callers check first
     */
    public InitiationOutcome.Issued issue(ChallengeMethod method, byte[] codeHash, ChallengePolicy policy, Instant now) {
        return issue(method, codeHash, policy, now, false);
    }

    /**
     * Issues a new code as {@link #issue(ChallengeMethod, byte[], ChallengePolicy, Instant)} does,
     * with the cooldown waived when the last code was reported undelivered.
     */
    public InitiationOutcome.Issued issue(ChallengeMethod method, byte[] codeHash, ChallengePolicy policy, Instant now,
                                         boolean lastUndelivered) {
        refuseInitiation(method, policy, now, lastUndelivered).ifPresent(refusal -> {
            throw new IllegalStateException("initiation refused: " + refusal);
        });
        Instant codeExpiry = earliest(now.plus(policy.codeTtl()), terms.expiresAt());
        IssuedCode code = new IssuedCode(method, codeHash, now, codeExpiry);
        boolean replaced = issuedCode().filter(earlier -> !earlier.isExpiredAt(now)).isPresent();
        Challenge next = moved(storedStatus, attempts, delivery.sent(code), verification);
        return new InitiationOutcome.Issued(next, codeExpiry, now.plus(policy.resendCooldown()),
                policy.maxSends() - next.delivery.sends(), replaced);
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
        if (!terms.allows(method)) {
            return Optional.of(new VerificationOutcome.MethodNotAllowed(method));
        }
        if (method.isDelivered() && !delivery.hasCodeOf(method)) {
            return Optional.of(new VerificationOutcome.NoCodeIssued(method));
        }
        if (method.isDelivered() && delivery.current().isExpiredAt(now)) {
            return Optional.of(new VerificationOutcome.CodeExpired());
        }
        return Optional.empty();
    }

    /**
     * Settles the check of a code: a delivered code compared with the {@link #issuedCode()}, or a
     * recovery code looked up among the user's unused ones. A right one verifies the challenge, a
     * wrong one spends an attempt, so the budget bounds the guesses an attacker gets (RFC 4226
     * §7.3). Only wrong codes spend attempts.
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
            case VERIFIED -> new ConsumeOutcome.Consumed(moved(ChallengeStatus.CONSUMED, attempts,
                    delivery.withoutCode(), verification.consumed(now)));
            case PENDING -> new ConsumeOutcome.NotVerified();
            case CANCELLED -> new ConsumeOutcome.ContextGone();
            case CONSUMED, EXPIRED, LOCKED -> new ConsumeOutcome.Gone(statusAt(now));
        };
    }

    /** Cancels the step-up request: the context is removed and no code works any more. */
    public CancelOutcome cancel(Instant now) {
        return switch (statusAt(now)) {
            case PENDING -> new CancelOutcome.Cancelled(new Challenge(id, userId, null, terms,
                    ChallengeStatus.CANCELLED, attempts, delivery.withoutCode(), null));
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
        return moved(ChallengeStatus.VERIFIED, attempts, delivery.withoutCode(), Verification.by(method, now));
    }

    private VerificationOutcome failed(Function<Challenge, VerificationOutcome> outcome) {
        AttemptBudget spent = attempts.spend();
        Challenge next = spent.isSpent()
                ? moved(ChallengeStatus.LOCKED, spent, delivery.withoutCode(), verification)
                : moved(storedStatus, spent, delivery, verification);
        return outcome.apply(next);
    }

    /** The same challenge, for the same operation on the same terms, in its next state. */
    private Challenge moved(ChallengeStatus status, AttemptBudget budget, CodeDelivery codes,
                            Verification verifiedBy) {
        return new Challenge(id, userId, context, terms, status, budget, codes, verifiedBy);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
