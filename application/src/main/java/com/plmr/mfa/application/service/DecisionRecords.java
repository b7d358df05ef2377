package com.plmr.mfa.application.service;

import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.CancelOutcome;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import com.plmr.mfa.domain.challenge.InitiationOutcome;
import com.plmr.mfa.domain.challenge.VerificationOutcome;

import java.util.List;

/**
 * What each outcome of a challenge operation is in the audit trail: the events it records, in
 * order. Every variant is mapped by an exhaustive fold, so a new outcome cannot go unrecorded.
 */
final class DecisionRecords {

    /** One event to record: its type and, for a refusal or a lock, its reason. */
    record Decision(AuditType type, AuditReason reason) {
    }

    private DecisionRecords() {
    }

    static List<Decision> of(VerificationOutcome outcome) {
        return outcome.fold(new VerificationOutcome.Cases<>() {
            @Override
            public List<Decision> verified(VerificationOutcome.Verified verified) {
                return List.of(new Decision(AuditType.VERIFY_SUCCEEDED, null));
            }

            @Override
            public List<Decision> rejected(VerificationOutcome.Rejected rejected) {
                return spent(AuditReason.CODE_WRONG, rejected.attemptsRemaining());
            }

            @Override
            public List<Decision> replayed(VerificationOutcome.Replayed replayed) {
                return spent(AuditReason.CODE_REPLAYED, replayed.attemptsRemaining());
            }

            @Override
            public List<Decision> notPending(VerificationOutcome.NotPending notPending) {
                return refused(AuditReason.closed(notPending.status()));
            }

            @Override
            public List<Decision> contextGone(VerificationOutcome.ContextGone gone) {
                return refused(AuditReason.CHALLENGE_CANCELLED);
            }

            @Override
            public List<Decision> methodNotAllowed(VerificationOutcome.MethodNotAllowed refusal) {
                return refused(AuditReason.METHOD_NOT_ALLOWED);
            }

            @Override
            public List<Decision> noCodeIssued(VerificationOutcome.NoCodeIssued refusal) {
                return refused(AuditReason.CODE_NOT_ISSUED);
            }

            @Override
            public List<Decision> codeExpired(VerificationOutcome.CodeExpired refusal) {
                return refused(AuditReason.CODE_EXPIRED);
            }

            @Override
            public List<Decision> noFactor(VerificationOutcome.NoFactor refusal) {
                return refused(AuditReason.NO_FACTOR);
            }

            @Override
            public List<Decision> rateLimited(VerificationOutcome.RateLimited refusal) {
                return refused(AuditReason.VERIFY_RATE_LIMITED);
            }

            @Override
            public List<Decision> factorLocked(VerificationOutcome.FactorLocked refusal) {
                return refused(AuditReason.APP_LOCKED);
            }

            @Override
            public List<Decision> malformedCode(VerificationOutcome.MalformedCode refusal) {
                return refused(AuditReason.CODE_MALFORMED);
            }

            private List<Decision> refused(AuditReason reason) {
                return List.of(new Decision(AuditType.VERIFY_REFUSED, reason));
            }

            /** A failed guess; the last attempt locks the challenge. */
            private List<Decision> spent(AuditReason reason, int attemptsRemaining) {
                Decision refusal = new Decision(AuditType.VERIFY_REFUSED, reason);
                return attemptsRemaining > 0 ? List.of(refusal)
                        : List.of(refusal, new Decision(AuditType.CHALLENGE_LOCKED, AuditReason.ATTEMPTS_EXHAUSTED));
            }
        });
    }

    static List<Decision> of(InitiationOutcome outcome) {
        return outcome.fold(new InitiationOutcome.Cases<>() {
            @Override
            public List<Decision> issued(InitiationOutcome.Issued issued) {
                return List.of(new Decision(AuditType.CODE_ISSUED, null), new Decision(AuditType.MESSAGE_QUEUED, null));
            }

            @Override
            public List<Decision> notPending(InitiationOutcome.NotPending refusal) {
                return refused(AuditReason.closed(refusal.status()));
            }

            @Override
            public List<Decision> contextGone(InitiationOutcome.ContextGone refusal) {
                return refused(AuditReason.CHALLENGE_CANCELLED);
            }

            @Override
            public List<Decision> methodNotAllowed(InitiationOutcome.MethodNotAllowed refusal) {
                return refused(AuditReason.METHOD_NOT_ALLOWED);
            }

            @Override
            public List<Decision> coolingDown(InitiationOutcome.CoolingDown refusal) {
                return refused(AuditReason.RESEND_COOLDOWN);
            }

            @Override
            public List<Decision> sendCapReached(InitiationOutcome.SendCapReached refusal) {
                return refused(AuditReason.SEND_CAP_REACHED);
            }

            @Override
            public List<Decision> noDestination(InitiationOutcome.NoDestination refusal) {
                return refused(AuditReason.NO_DESTINATION);
            }

            @Override
            public List<Decision> rateLimited(InitiationOutcome.RateLimited refusal) {
                return refused(AuditReason.SEND_RATE_LIMITED);
            }

            @Override
            public List<Decision> destinationRefused(InitiationOutcome.DestinationRefused refusal) {
                return refused(switch (refusal.refusal().rule()) {
                    case LINE_TYPE -> AuditReason.PHONE_TYPE_REFUSED;
                    case COUNTRY -> AuditReason.PHONE_COUNTRY_REFUSED;
                });
            }

            private List<Decision> refused(AuditReason reason) {
                return List.of(new Decision(AuditType.CODE_REFUSED, reason));
            }
        });
    }

    static List<Decision> of(ConsumeOutcome outcome) {
        return outcome.fold(new ConsumeOutcome.Cases<>() {
            @Override
            public List<Decision> consumed(ConsumeOutcome.Consumed consumed) {
                return List.of(new Decision(AuditType.CHALLENGE_CONSUMED, null));
            }

            @Override
            public List<Decision> notVerified(ConsumeOutcome.NotVerified refusal) {
                return refused(AuditReason.CHALLENGE_NOT_VERIFIED);
            }

            @Override
            public List<Decision> contextGone(ConsumeOutcome.ContextGone refusal) {
                return refused(AuditReason.CHALLENGE_CANCELLED);
            }

            @Override
            public List<Decision> gone(ConsumeOutcome.Gone refusal) {
                return refused(AuditReason.closed(refusal.status()));
            }

            private List<Decision> refused(AuditReason reason) {
                return List.of(new Decision(AuditType.CHALLENGE_CONSUME_REFUSED, reason));
            }
        });
    }

    static List<Decision> of(CancelOutcome outcome) {
        return outcome.fold(new CancelOutcome.Cases<>() {
            @Override
            public List<Decision> cancelled(CancelOutcome.Cancelled cancelled) {
                return List.of(new Decision(AuditType.CHALLENGE_CANCELLED, null));
            }

            @Override
            public List<Decision> gone(CancelOutcome.Gone refusal) {
                return List.of(new Decision(AuditType.CHALLENGE_CANCEL_REFUSED, AuditReason.closed(refusal.status())));
            }
        });
    }
}
