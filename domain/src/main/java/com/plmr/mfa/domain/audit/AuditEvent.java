package com.plmr.mfa.domain.audit;

import com.plmr.mfa.domain.challenge.ChallengeMethod;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded decision of the service: a state change or a refusal, with who asked for it and in
 * which request. Append-only: an event is never changed after it was stored.
 *
 * <p>Carries no secret by construction: no code, no TOTP secret, no token and no full destination.
 * The destination is the masked form the API itself answers ({@code +49******12}, {@code j***@example.com});
 * a TOTP code's clock drift is a step offset within the window, which says nothing about any code.
 *
 * @param id          a random opaque id ({@code evt_...}), unique
 * @param at          when the decision was taken, by the service's clock
 * @param type        what was decided
 * @param reason      why an operation was refused, or what locked a challenge or factor; empty for
 *                    plain state changes
 * @param actor       who asked: the user, a consumer service by its client id, or the service itself
 * @param subject     whom and what the decision concerns
 * @param requestId   the id of the HTTP request that led to it; for messages, the initiate's
 * @param stepsOff    for {@link AuditType#CLOCK_DRIFT_SUSPECTED}, the accepted code's step minus the
 *                    service's current step (negative: the device is behind)
 * @param note        the justification a person gave for the decision ({@link AuditType#FACTORS_RESET}'s
 *                    reason), as given; never a secret by the operation's contract
 */
public record AuditEvent(String id, Instant at, AuditType type, Optional<AuditReason> reason, AuditActor actor,
                         Subject subject, Optional<String> requestId, Optional<Long> stepsOff, Optional<String> note) {

    /** The longest note kept, in characters (code points). */
    public static final int MAX_NOTE = 500;

    /** An event without a note. */
    public AuditEvent(String id, Instant at, AuditType type, Optional<AuditReason> reason, AuditActor actor,
                      Subject subject, Optional<String> requestId, Optional<Long> stepsOff) {
        this(id, at, type, reason, actor, subject, requestId, stepsOff, Optional.empty());
    }

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(stepsOff, "stepsOff");
        Objects.requireNonNull(note, "note");
        if (note.filter(text -> text.codePointCount(0, text.length()) > MAX_NOTE).isPresent()) {
            throw new IllegalArgumentException("a note is at most " + MAX_NOTE + " characters");
        }
    }

    /**
     * Whom and what an event concerns; every part is optional (a refusal for an unknown challenge
     * knows no user).
     *
     * @param userId      the user whose challenge or factor it is
     * @param challengeId the challenge
     * @param factorId    the authenticator app's registration id, or {@code phone} / {@code email}
     * @param method      the method or channel: {@code SMS}, {@code EMAIL}, {@code APP}
     * @param destination a masked phone number or e-mail address, never a full one
     */
    public record Subject(Optional<String> userId, Optional<String> challengeId, Optional<String> factorId,
                          Optional<ChallengeMethod> method, Optional<String> destination) {

        public Subject {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(challengeId, "challengeId");
            Objects.requireNonNull(factorId, "factorId");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(destination, "destination");
        }

        public static Subject none() {
            return new Subject(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static Subject user(String userId) {
            return none().withUser(userId);
        }

        public Subject withUser(String user) {
            return new Subject(Optional.ofNullable(user), challengeId, factorId, method, destination);
        }

        public Subject withChallenge(String challenge) {
            return new Subject(userId, Optional.ofNullable(challenge), factorId, method, destination);
        }

        public Subject withFactor(String factor) {
            return new Subject(userId, challengeId, Optional.ofNullable(factor), method, destination);
        }

        public Subject withMethod(ChallengeMethod value) {
            return new Subject(userId, challengeId, factorId, Optional.ofNullable(value), destination);
        }

        /** @param masked a destination as {@code Contact.masked()} answers it */
        public Subject withMaskedDestination(String masked) {
            return new Subject(userId, challengeId, factorId, method, Optional.ofNullable(masked));
        }
    }
}
