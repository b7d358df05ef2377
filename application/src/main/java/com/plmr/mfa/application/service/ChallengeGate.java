package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.user.Actor;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that decides whether an actor may act on a challenge: users on their own only,
 * services with the operation's scope. Every challenge use case passes through it. Operations the
 * spec grants to service tokens only (consume, cancel) use {@link #enterAsService}: a user must
 * not consume or cancel even its own challenge, since that is the consumer's decision.
 */
final class ChallengeGate {

    private final LoadChallengePort challenges;

    ChallengeGate(LoadChallengePort challenges) {
        this.challenges = challenges;
    }

    /** Like {@link #enter}, for operations only a service holding {@code scope} may call. */
    <T> Access<T> enterAsService(Actor actor, ChallengeId id, String scope, boolean locked, Function<Challenge, T> work) {
        if (!actor.isServiceWith(scope)) {
            return new Access.Forbidden<>();
        }
        return enter(actor, id, scope, locked, work);
    }

    /** Reads the challenge (locked for update when {@code locked}) and applies {@code work} if allowed. */
    <T> Access<T> enter(Actor actor, ChallengeId id, String scope, boolean locked, Function<Challenge, T> work) {
        Optional<Challenge> found = locked ? challenges.loadLocked(id) : challenges.load(id);
        if (found.isEmpty()) {
            return new Access.NotFound<>();
        }
        Challenge challenge = found.get();
        if (!actor.mayActFor(challenge.userId(), scope)) {
            return actor instanceof Actor.User ? new Access.SubjectMismatch<>() : new Access.Forbidden<>();
        }
        return Access.granted(work.apply(challenge));
    }
}
