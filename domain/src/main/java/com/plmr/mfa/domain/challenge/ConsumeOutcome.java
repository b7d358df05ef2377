package com.plmr.mfa.domain.challenge;

/** What came of a consumer's request to let its operation proceed. */
public sealed interface ConsumeOutcome {

    /** Applies the case for this variant; adding a variant breaks every caller until it is handled. */
    <R> R fold(Cases<R> cases);

    /** One method per variant: Java 17's compile-time exhaustive match over this sealed type. */
    interface Cases<R> {
        R consumed(Consumed outcome);

        R notVerified(NotVerified outcome);

        R contextGone(ContextGone outcome);

        R gone(Gone outcome);
    }

    record Consumed(Challenge challenge) implements ConsumeOutcome, Transition {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.consumed(this);
        }
    }

    /** Still pending: the user has not proven a factor yet. */
    record NotVerified() implements ConsumeOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.notVerified(this);
        }
    }

    record ContextGone() implements ConsumeOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.contextGone(this);
        }
    }

    /** Consumed before, expired or locked: the operation must not proceed. */
    record Gone(ChallengeStatus status) implements ConsumeOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.gone(this);
        }
    }
}
