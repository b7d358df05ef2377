package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.ClockDriftPort;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpAttempt;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.factor.TotpRegistration;

import java.time.Instant;

/**
 * Checks a code against one registration and stores what the check changed, for the enrolment
 * verify and for challenge verification alike. Runs inside the caller's transaction.
 *
 * <p>An acceptance counts only once the compare-and-set of the last accepted step succeeded; a
 * request that loses it to a concurrent one with the same code gets {@link TotpAttempt.Replayed},
 * which is what it is. Wrong codes are counted on the row locked for update, so that concurrent
 * failures all count. The secret is opened for the check only and never leaves this class. The
 * step offset of an accepted code goes to operators ({@link ClockDriftPort}), never to the caller.
 */
final class TotpAttempts {

    private final LoadTotpRegistrationsPort load;
    private final RecordTotpAttemptPort record;
    private final SecretSealer sealer;
    private final TotpPolicy policy;
    private final ClockDriftPort drift;

    TotpAttempts(LoadTotpRegistrationsPort load, RecordTotpAttemptPort record, SecretSealer sealer, TotpPolicy policy,
                 ClockDriftPort drift) {
        this.load = load;
        this.record = record;
        this.sealer = sealer;
        this.policy = policy;
        this.drift = drift;
    }

    /** The check alone; nothing is stored. */
    TotpAttempt check(TotpRegistration registration, String code, Instant now) {
        return registration.attempt(sealer, code, now);
    }

    /** Stores the attempt's effect and answers its final outcome. */
    TotpAttempt settle(TotpRegistration registration, TotpAttempt attempt, Instant now) {
        return attempt.fold(new TotpAttempt.Cases<>() {
            @Override
            public TotpAttempt accepted(TotpAttempt.Accepted outcome) {
                if (!record.advanceAcceptedStep(outcome.registration())) {
                    return new TotpAttempt.Replayed(outcome.registration().lastAcceptedStep());
                }
                drift.accepted(registration.id(), outcome.stepsOff());
                return outcome;
            }

            @Override
            public TotpAttempt replayed(TotpAttempt.Replayed outcome) {
                return counted(outcome);
            }

            @Override
            public TotpAttempt rejected(TotpAttempt.Rejected outcome) {
                return counted(outcome);
            }

            @Override
            public TotpAttempt locked(TotpAttempt.Locked outcome) {
                return outcome;
            }

            private TotpAttempt counted(TotpAttempt outcome) {
                load.lockedForFailure(registration.id())
                        .ifPresent(current -> record.recordFailures(current.failed(policy, now)));
                return outcome;
            }
        });
    }
}
