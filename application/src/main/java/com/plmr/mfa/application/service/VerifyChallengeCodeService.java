package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.in.VerifyChallengeCodeUseCase;
import com.plmr.mfa.application.port.out.FailureLedgerPort;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.LockChallengeForVerifyPort;
import com.plmr.mfa.application.port.out.LockChallengeForVerifyPort.ChallengeUnderVerify;
import com.plmr.mfa.application.port.out.SaveChallengePort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.abuse.AbusePolicy;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.OperationDigest;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.user.Actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies like initiate: the challenge admits or refuses the code ({@link
 * Challenge#refuseVerification}), this service checks an admitted code, and the challenge settles
 * the result ({@code settle}), which is stored when it moved the challenge. Runs under the
 * challenge's row lock: concurrent verifies of one challenge, on any number of
 * service instances, are applied one after the other, so the attempt budget is never exceeded and
 * a right code verifies the challenge exactly once. The user's failure streak across challenges
 * (NIST SP 800-63B §5.2.2) is locked with it, always in this order (challenge, then user), so
 * concurrent verifies of one user's challenges are counted one after the other without deadlock;
 * the streak is written only when the outcome changed it. An app code is checked against the
 * user's registrations, read locked with the challenge and the streak, after them. What the verify changes on the locked
 * rows (the challenge, the streak, an app's failure count) is sent as one update before the audit
 * event ({@link TransactionPort#combiningUpdates}): a verify costs the round trips of a one-row
 * write however many rows its outcome moved.
 */
public final class VerifyChallengeCodeService implements VerifyChallengeCodeUseCase {

    private final ChallengeGate gate;
    private final LockChallengeForVerifyPort lock;
    private final SaveChallengePort save;
    private final TransactionPort transactions;
    private final CodeHasher hasher;
    private final AuthenticatorCodeCheck apps;
    private final RecoveryCodeCheck recoveryCodes;
    private final FailureLedgerPort ledger;
    private final AbusePolicy abuse;
    private final ChallengePolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    public VerifyChallengeCodeService(LoadChallengePort load, LockChallengeForVerifyPort lock, SaveChallengePort save,
                                      TransactionPort transactions, CodeHasher hasher, AuthenticatorCodeCheck apps,
                                      RecoveryCodeCheck recoveryCodes,
                                      FailureLedgerPort ledger, AbusePolicy abuse, ChallengePolicy policy,
                                      AuditTrail audit, Clock clock) {
        this.gate = new ChallengeGate(load).audited(audit, AuditType.VERIFY_REFUSED);
        this.lock = lock;
        this.audit = audit;
        this.save = save;
        this.transactions = transactions;
        this.hasher = hasher;
        this.apps = apps;
        this.recoveryCodes = recoveryCodes;
        this.ledger = ledger;
        this.abuse = abuse;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Access<VerificationOutcome> verify(Actor actor, Command command) {
        return transactions.inTransaction(() -> gate.enter(actor, command.challenge(), Scopes.CHALLENGES_VERIFY,
                lock.lockForVerify(command.challenge(), command.method()), ChallengeUnderVerify::challenge,
                locked -> recorded(actor, locked.challenge(), command, transactions.combiningUpdates(
                        () -> verify(actor, locked, command, clock.instant())))));
    }

    private VerificationOutcome recorded(Actor actor, Challenge challenge, Command command, VerificationOutcome outcome) {
        audit.decided(actor, DecisionRecords.of(outcome), Subject.user(challenge.userId().value())
                .withChallenge(challenge.id().value()).withMethod(command.method()));
        return outcome;
    }

    private VerificationOutcome verify(Actor actor, ChallengeUnderVerify locked, Command command, Instant now) {
        Challenge challenge = locked.challenge();
        FailureStreak streak = locked.streak();
        Optional<Duration> wait = streak.refusal(now);
        if (wait.isPresent()) {
            return new VerificationOutcome.RateLimited(wait.get());
        }
        VerificationOutcome outcome = challenge.refuseVerification(command.method(), now)
                .orElseGet(() -> Transitions.stored(checked(actor, locked, command, now), save));
        switch (outcome.streakEffect()) {
            case EXTENDS -> {
                FailureStreak extended = streak.failed(abuse, now);
                ledger.record(challenge.userId(), extended);
                if (extended.refusal(now).isPresent()) {
                    audit.record(actor, AuditType.VERIFIES_PAUSED, AuditReason.ATTEMPTS_EXHAUSTED,
                            Subject.user(challenge.userId().value()).withChallenge(challenge.id().value()));
                }
            }
            case ENDS -> {
                if (streak.failures() > 0) {
                    ledger.record(challenge.userId(), FailureStreak.none());
                }
            }
            case NONE -> { }
        }
        return outcome;
    }

    /**
     * Checks the code of a challenge that admitted it, and lets the challenge settle the result:
     * an app code against the user's registrations (which records the accepted step or the
     * failure), a recovery code against the user's unused ones (which uses it up), a delivered code
     * against the keyed hash of the code sent. A text that cannot be a
     * code of the method (not the configured number of digits, not one of the apps' lengths) is
     * refused as malformed: it is no guess and spends no attempt.
     */
    private VerificationOutcome checked(Actor actor, ChallengeUnderVerify locked, Command command, Instant now) {
        Challenge challenge = locked.challenge();
        ChallengeMethod method = command.method();
        if (method == ChallengeMethod.APP) {
            return apps.check(actor, locked.apps(), command.code(), now)
                    .map(check -> challenge.settle(check, now))
                    .orElseGet(VerificationOutcome.NoFactor::new);
        }
        if (method == ChallengeMethod.RECOVERY) {
            return recoveryCodes.use(actor, challenge.userId(), command.recoveryCode(), now)
                    .map(right -> challenge.settle(method, right, now))
                    .orElseGet(VerificationOutcome.NoFactor::new);
        }
        int digits = policy.digitsFor(method);
        if (command.code().length() != digits) {
            return new VerificationOutcome.MalformedCode(Set.of(digits));
        }
        boolean right = hasher.matches(challenge.id(), method, OperationDigest.of(challenge.context()), command.code(),
                challenge.issuedCode().orElseThrow().hash());
        return challenge.settle(method, right, now);
    }
}
