package com.plmr.mfa.domain.audit;

import com.plmr.mfa.domain.user.Actor;

import java.util.Objects;

/**
 * Who asked for a recorded decision: a user acting for itself, a consumer service (its client id),
 * or the service itself for what it does on its own (the outbox dispatcher's sends).
 */
public record AuditActor(Kind kind, String name) {

    public enum Kind {
        USER,
        SERVICE,
        SYSTEM
    }

    /** The service's own work, done for no caller. */
    public static final AuditActor DISPATCHER = new AuditActor(Kind.SYSTEM, "outbox-dispatcher");

    public AuditActor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static AuditActor of(Actor actor) {
        if (actor instanceof Actor.User user) {
            return new AuditActor(Kind.USER, user.id().value());
        }
        return new AuditActor(Kind.SERVICE, ((Actor.Service) actor).clientId());
    }
}
