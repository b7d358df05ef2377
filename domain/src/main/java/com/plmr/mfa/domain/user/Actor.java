package com.plmr.mfa.domain.user;

import java.util.Objects;
import java.util.Set;

/**
 * Who makes a request: a user acting for itself (a token whose subject is the user id) or a
 * consumer service holding named scopes. Users may act only on their own challenges and factors;
 * services only within their scopes.
 */
public sealed interface Actor {

    /** Whether this actor may act on {@code user}'s challenges or factors given {@code scope}. */
    boolean mayActFor(UserId user, String scope);

    /**
     * Whether this actor is a service holding {@code scope}: the rule of the operations the spec grants
     * to services only (create, consume, cancel, erase), where a user may not act even for itself.
     */
    default boolean isServiceWith(String scope) {
        return this instanceof Service service && service.has(scope);
    }

    record User(UserId id) implements Actor {
        public User {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public boolean mayActFor(UserId user, String scope) {
            return id.equals(user);
        }
    }

    record Service(String clientId, Set<String> scopes) implements Actor {
        public Service {
            Objects.requireNonNull(clientId, "clientId");
            scopes = Set.copyOf(scopes);
        }

        public boolean has(String scope) {
            return scopes.contains(scope);
        }

        @Override
        public boolean mayActFor(UserId user, String scope) {
            return has(scope);
        }
    }
}
