package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.user.Actor;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that decides whether an actor may act on a challenge: users on their own only,
 * services with the operation's scope. Every challenge use case passes through it. Operations the
 * spec grants to service tokens only (consume, cancel) use {@link #enterAsService}: a user must
 * not consume or cancel even its own challenge, since that is the consumer's decision. A gate
 * {@link #audited} records every refusal in the audit trail, with the user when the challenge exists.
 */
final class ChallengeGate {

    private final LoadChallengePort challenges;
    private final AuditTrail audit;
    private final AuditType refusal;

    ChallengeGate(LoadChallengePort challenges) {
        this(challenges, null, null);
    }

    private ChallengeGate(LoadChallengePort challenges, AuditTrail audit, AuditType refusal) {
        this.challenges = challenges;
        this.audit = audit;
        this.refusal = refusal;
    }

    /** This gate, recording each refusal as a {@code refusal} event. */
    ChallengeGate audited(AuditTrail trail, AuditType refusalType) {
        return new ChallengeGate(challenges, trail, refusalType);
    }

    /** Like {@link #enter}, for operations only a service holding {@code scope} may call. */
    <T> Access<T> enterAsService(Actor actor, ChallengeId id, String scope, boolean locked, Function<Challenge, T> work) {
        if (!actor.isServiceWith(scope)) {
            return refused(new Access.Forbidden<>(), actor, Subject.none().withChallenge(id.value()));
        }
        return enter(actor, id, scope, locked, work);
    }

    /** Reads the challenge (locked for update when {@code locked}) and applies {@code work} if allowed. */
    <T> Access<T> enter(Actor actor, ChallengeId id, String scope, boolean locked, Function<Challenge, T> work) {
        return enter(actor, id, scope, locked ? challenges.loadLocked(id) : challenges.load(id), Function.identity(),
                work);
    }

    /**
     * Like {@link #enter(Actor, ChallengeId, String, boolean, Function)} for a challenge read with
     * more than itself ({@code read}, e.g. with its user's failure streak): the access is decided on
     * the challenge {@code challengeOf} names, and {@code work} gets the whole read.
     */
    <R, T> Access<T> enter(Actor actor, ChallengeId id, String scope, Optional<R> read,
                           Function<R, Challenge> challengeOf, Function<R, T> work) {
        if (read.isEmpty()) {
            return refused(new Access.NotFound<>(), actor, Subject.none().withChallenge(id.value()));
        }
        Challenge challenge = challengeOf.apply(read.get());
        if (!actor.mayActFor(challenge.userId(), scope)) {
            return refused(actor instanceof Actor.User ? new Access.SubjectMismatch<>() : new Access.Forbidden<>(),
                    actor, Subject.user(challenge.userId().value()).withChallenge(id.value()));
        }
        return Access.granted(work.apply(read.get()));
    }

    private <T> Access<T> refused(Access<T> refused, Actor actor, Subject subject) {
        return audit == null ? refused : audit.refusedAccess(refused, actor, refusal, subject);
    }
}
