package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.VerifyTotpRegistrationUseCase.Result;
import com.plmr.mfa.application.port.out.ClockDriftPort;
import com.plmr.mfa.application.port.out.RecordTotpAttemptPort;
import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.audit.AuditActor;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.user.Actor;

import java.time.Instant;

/**
 * Checks a code against one registration and stores what the check changed, for the enrolment
 * verify and for challenge verification alike. Runs inside the caller's transaction.
 *
 * <p>An acceptance counts only once the compare-and-set of the last accepted step succeeded; a
 * request that loses it to a concurrent one with the same code gets {@link TotpCheck.Replayed},
 * which is what it is. The caller read the registration locked for update, so a wrong code is
 * counted on its latest state with one update and concurrent failures all count; a text that
 * cannot be a code of the app is no guess and counts nothing. The secret is opened for the check
 * only and never leaves this class. The step offset of an accepted code goes to operators ({@link
 * ClockDriftPort}), never to the caller.
 */
final class TotpAttempts {

    private final RecordTotpAttemptPort record;
    private final SecretSealer sealer;
    private final TotpPolicy policy;
    private final ClockDriftPort drift;
    private final AuditTrail audit;

    TotpAttempts(RecordTotpAttemptPort record, SecretSealer sealer, TotpPolicy policy, ClockDriftPort drift,
                 AuditTrail audit) {
        this.audit = audit;
        this.record = record;
        this.sealer = sealer;
        this.policy = policy;
        this.drift = drift;
    }

    /** The check alone; nothing is stored. */
    TotpCheck check(TotpRegistration registration, String code, Instant now) {
        return registration.attempt(sealer, code, now);
    }

    /**
     * Stores the check's effect on {@code registration}, read locked in this transaction, and
     * answers its final verdict with the registration as it now stands.
     * Records what happened to the registration on the way: a suspected clock drift (an accepted code
     * of another step than the current one), a lockout that a wrong code started, or one that an
     * accepted code cleared after it ran out.
     */
    Result settle(Actor actor, TotpRegistration registration, TotpCheck check, Instant now) {
        Subject subject = Subject.user(registration.userId().value()).withFactor(registration.id().value())
                .withMethod(ChallengeMethod.APP);
        return check.fold(new TotpCheck.Cases<>() {
            @Override
            public Result accepted(TotpCheck.Accepted accepted) {
                TotpRegistration active = registration.accepted(accepted.step(), now);
                if (!record.advanceAcceptedStep(active)) {
                    return new Result(registration, new TotpCheck.Replayed(accepted.step()));
                }
                long stepsOff = registration.stepsOff(accepted.step(), now);
                drift.accepted(registration.id(), stepsOff);
                if (stepsOff != 0) {
                    audit.clockDrift(AuditActor.of(actor), subject, stepsOff);
                }
                if (registration.lockedUntil().isPresent()) {
                    audit.record(actor, AuditType.FACTOR_UNLOCKED, null, subject);
                }
                return new Result(active, accepted);
            }

            @Override
            public Result replayed(TotpCheck.Replayed replayed) {
                return counted(replayed);
            }

            @Override
            public Result rejected(TotpCheck.Rejected rejected) {
                return counted(rejected);
            }

            @Override
            public Result locked(TotpCheck.Locked locked) {
                return new Result(registration, locked);
            }

            @Override
            public Result malformed(TotpCheck.Malformed malformed) {
                return new Result(registration, malformed);
            }

            private Result counted(TotpCheck refused) {
                TotpRegistration failed = registration.failed(policy, now);
                record.recordFailures(failed);
                if (failed.lockedAt(now)) {
                    audit.record(actor, AuditType.FACTOR_LOCKED, AuditReason.ATTEMPTS_EXHAUSTED, subject);
                }
                return new Result(registration, refused);
            }
        });
    }
}
