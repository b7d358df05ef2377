package com.plmr.mfa.domain.challenge;

/**
 * What came of a code presented for a challenge. Only {@link Verified} lets an operation
 * proceed; the REST adapter maps every variant with an exhaustive switch.
 */
public sealed interface VerificationOutcome {

    /** Applies the case for this variant; adding a variant breaks every caller until it is handled. */
    <R> R fold(Cases<R> cases);

    /**
     * What this outcome does to the user's failure streak across challenges (NIST SP 800-63B
     * §5.2.2): a failed guess extends it, a verified code ends it, a refusal that compared no
     * code leaves it as it is. Decided per variant, so a new variant must decide too.
     */
    default StreakEffect streakEffect() {
        return fold(StreakEffects.INSTANCE);
    }

    enum StreakEffect { EXTENDS, ENDS, NONE }

    /** One method per variant: Java 17's compile-time exhaustive match over this sealed type. */
    interface Cases<R> {
        R verified(Verified outcome);

        R rejected(Rejected outcome);

        R replayed(Replayed outcome);

        R notPending(NotPending outcome);

        R contextGone(ContextGone outcome);

        R methodNotAllowed(MethodNotAllowed outcome);

        R noCodeIssued(NoCodeIssued outcome);

        R codeExpired(CodeExpired outcome);

        R noFactor(NoFactor outcome);

        R rateLimited(RateLimited outcome);

        R factorLocked(FactorLocked outcome);

        R malformedCode(MalformedCode outcome);
    }

    record Verified(Challenge challenge) implements VerificationOutcome, Transition {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.verified(this);
        }
    }

    /**
     * A wrong code, for apps also a code of a time step outside the window (told apart by
     * nothing); the challenge is locked when {@code attemptsRemaining} is 0.
     */
    record Rejected(Challenge challenge, int attemptsRemaining) implements VerificationOutcome, Transition {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.rejected(this);
        }
    }

    /** An app code whose time step was already accepted (RFC 6238 §5.2); counts as a failure. */
    record Replayed(Challenge challenge, int attemptsRemaining) implements VerificationOutcome, Transition {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.replayed(this);
        }
    }

    record NotPending(ChallengeStatus status) implements VerificationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.notPending(this);
        }
    }

    record ContextGone() implements VerificationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.contextGone(this);
        }
    }

    record MethodNotAllowed(ChallengeMethod method) implements VerificationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.methodNotAllowed(this);
        }
    }

    /** No code of this method was sent for the challenge (or a later one of another method replaced it). */
    record NoCodeIssued(ChallengeMethod method) implements VerificationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.noCodeIssued(this);
        }
    }

    /** The last code sent has expired; the challenge itself is still pending. */
    record CodeExpired() implements VerificationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.codeExpired(this);
        }
    }

    /** The user has no active authenticator app. */
    record NoFactor() implements VerificationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.noFactor(this);
        }
    }

    /**
     * The user failed too many verifies in a row, across challenges (NIST SP 800-63B §5.2.2); the
     * code was not even checked and the challenge's attempt budget is untouched.
     */
    record RateLimited(java.time.Duration retryAfter) implements VerificationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.rateLimited(this);
        }
    }

    /**
     * Wrong codes locked the user's authenticator app (RFC 4226 §7.3) for {@code retryAfter}: no
     * code was checked, not even a right one, and the challenge's attempt budget is untouched.
     */
    record FactorLocked(java.time.Duration retryAfter) implements VerificationOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.factorLocked(this);
        }
    }

    /**
     * The text cannot be a code of the method: not as many digits as its codes have ({@code
     * digits}: the configured length of SMS or e-mail codes, the lengths of the user's apps).
     * Refused like any malformed field; no code was compared and no attempt is spent.
     */
    record MalformedCode(java.util.Set<Integer> digits) implements VerificationOutcome {
        public MalformedCode {
            digits = java.util.Set.copyOf(digits);
        }

        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.malformedCode(this);
        }
    }
}
