package com.plmr.mfa.domain.challenge;

import com.plmr.mfa.domain.challenge.VerificationOutcome.StreakEffect;

/** {@link VerificationOutcome#streakEffect()} of every variant: only a compared code moves the streak. */
final class StreakEffects implements VerificationOutcome.Cases<StreakEffect> {

    static final StreakEffects INSTANCE = new StreakEffects();

    private StreakEffects() {
    }

    @Override
    public StreakEffect verified(VerificationOutcome.Verified outcome) {
        return StreakEffect.ENDS;
    }

    @Override
    public StreakEffect rejected(VerificationOutcome.Rejected outcome) {
        return StreakEffect.EXTENDS;
    }

    @Override
    public StreakEffect replayed(VerificationOutcome.Replayed outcome) {
        return StreakEffect.EXTENDS;
    }

    @Override
    public StreakEffect notPending(VerificationOutcome.NotPending outcome) {
        return StreakEffect.NONE;
    }

    @Override
    public StreakEffect contextGone(VerificationOutcome.ContextGone outcome) {
        return StreakEffect.NONE;
    }

    @Override
    public StreakEffect methodNotAllowed(VerificationOutcome.MethodNotAllowed outcome) {
        return StreakEffect.NONE;
    }

    @Override
    public StreakEffect noCodeIssued(VerificationOutcome.NoCodeIssued outcome) {
        return StreakEffect.NONE;
    }

    @Override
    public StreakEffect codeExpired(VerificationOutcome.CodeExpired outcome) {
        return StreakEffect.NONE;
    }

    @Override
    public StreakEffect noFactor(VerificationOutcome.NoFactor outcome) {
        return StreakEffect.NONE;
    }

    @Override
    public StreakEffect rateLimited(VerificationOutcome.RateLimited outcome) {
        return StreakEffect.NONE;
    }

    @Override
    public StreakEffect factorLocked(VerificationOutcome.FactorLocked outcome) {
        return StreakEffect.NONE;
    }

    @Override
    public StreakEffect malformedCode(VerificationOutcome.MalformedCode outcome) {
        return StreakEffect.NONE;
    }
}
