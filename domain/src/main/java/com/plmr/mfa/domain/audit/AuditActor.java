package com.plmr.mfa.domain.audit;

import com.plmr.mfa.domain.user.Actor;

import java.util.Objects;

/**
 * Who asked for a recorded decision: a user acting for itself, a consumer service (its client id),
 * the service itself for what it does on its own (the outbox dispatcher's sends), or whoever called
 * a delivery provider's callback endpoint (named by the provider; believed only once signed). A name longer
 * than {@value #MAX_NAME} characters (a client id is whatever the identity provider issued) is
 * recorded by its first {@value #MAX_NAME}, so the decision is never lost to the length of a name.
 */
public record AuditActor(Kind kind, String name) {

    public enum Kind {
        USER,
        SERVICE,
        SYSTEM,
        PROVIDER
    }

    /** The service's own work, done for no caller. */
    public static final AuditActor DISPATCHER = new AuditActor(Kind.SYSTEM, "outbox-dispatcher");

    /** The service telling a user about a decision that concerns it (a notice queued or skipped). */
    public static final AuditActor NOTIFIER = new AuditActor(Kind.SYSTEM, "user-notices");

    /** The longest name recorded, in characters (code points). */
    public static final int MAX_NAME = 255;

    public AuditActor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
        }
    }

    /** The caller of {@code provider}'s callback endpoint. */
    public static AuditActor provider(String provider) {
        return new AuditActor(Kind.PROVIDER, provider);
    }

    public static AuditActor of(Actor actor) {
        if (actor instanceof Actor.User user) {
            return new AuditActor(Kind.USER, user.id().value());
        }
        return new AuditActor(Kind.SERVICE, ((Actor.Service) actor).clientId());
    }
}
