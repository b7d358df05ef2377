package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that decides whether an actor may manage a user's factors, the authenticator apps
 * and the contacts codes are delivered to: users their own, services with
 * {@link Scopes#FACTORS_MANAGE}. The work runs only when access is granted.
 */
final class FactorGate {

    private FactorGate() {
    }

    static <T> Access<T> enter(Actor actor, UserId user, Supplier<Optional<T>> work) {
        if (!actor.mayActFor(user, Scopes.FACTORS_MANAGE)) {
            return actor instanceof Actor.User ? new Access.SubjectMismatch<>() : new Access.Forbidden<>();
        }
        return work.get().<Access<T>>map(Access::granted).orElseGet(Access.NotFound::new);
    }

    /**
     * Like {@link #enter}, for a change of the user's factors: a refusal (another user's factors, a
     * token without the scope, an unknown factor) is recorded as a {@code refusal} event about
     * {@code subject}.
     */
    static <T> Access<T> change(Actor actor, UserId user, AuditTrail audit, AuditType refusal, Subject subject,
                                Supplier<Optional<T>> work) {
        return audit.refusedAccess(enter(actor, user, work), actor, refusal, subject.withUser(user.value()));
    }
}
