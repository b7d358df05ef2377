package com.plmr.mfa.application.port.in;

import java.util.Objects;

/**
 * The answer of a use case that acts on a user's challenge or factors: the use case's own
 * outcome when the actor may act, or why not. Unknown resources and denied access are told
 * apart so the API can say which; a user probing other users' challenges learns nothing more
 * than "not yours", and challenge ids carry 128 random bits, so they cannot be enumerated.
 */
public sealed interface Access<T> {

    <R> R fold(Cases<T, R> cases);

    interface Cases<T, R> {
        R granted(T value);

        /** No such challenge, registration or contact. */
        R notFound();

        /** A user acting on another user's challenge or factors. */
        R subjectMismatch();

        /** A service whose token lacks the scope the operation needs. */
        R forbidden();
    }

    static <T> Access<T> granted(T value) {
        return new Granted<>(value);
    }

    record Granted<T>(T value) implements Access<T> {
        public Granted {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R fold(Cases<T, R> cases) {
            return cases.granted(value);
        }
    }

    record NotFound<T>() implements Access<T> {
        @Override
        public <R> R fold(Cases<T, R> cases) {
            return cases.notFound();
        }
    }

    record SubjectMismatch<T>() implements Access<T> {
        @Override
        public <R> R fold(Cases<T, R> cases) {
            return cases.subjectMismatch();
        }
    }

    record Forbidden<T>() implements Access<T> {
        @Override
        public <R> R fold(Cases<T, R> cases) {
            return cases.forbidden();
        }
    }
}
