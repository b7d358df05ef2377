package com.plmr.mfa.domain.challenge;

/** What came of cancelling a step-up request. Cancelling twice answers the cancelled challenge. */
public sealed interface CancelOutcome {

    /** Applies the case for this variant; adding a variant breaks every caller until it is handled. */
    <R> R fold(Cases<R> cases);

    /** One method per variant: Java 17's compile-time exhaustive match over this sealed type. */
    interface Cases<R> {
        R cancelled(Cancelled outcome);

        R gone(Gone outcome);
    }

    record Cancelled(Challenge challenge) implements CancelOutcome, Transition {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.cancelled(this);
        }
    }

    /** Already verified, consumed, expired or locked: there is nothing left to cancel. */
    record Gone(ChallengeStatus status) implements CancelOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.gone(this);
        }
    }
}
