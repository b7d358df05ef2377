package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ChallengeStatus;
import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.adapter.in.rest.model.ErrorResponse;
import com.plmr.mfa.adapter.in.rest.model.FieldError;
import com.plmr.mfa.adapter.in.rest.model.FieldErrorCode;
import com.plmr.mfa.application.port.in.Access;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Turns use-case answers into responses: the access verdict first, then the outcome. */
final class Replies {

    private Replies() {
    }

    /** The subject of a request, named in the messages of not-found answers. */
    enum Subject {
        CHALLENGE(ErrorCode.CHALLENGE_NOT_FOUND, "No challenge with this id"),
        USER_FACTOR(ErrorCode.USER_NOT_FOUND, "The user has no such factor on record");

        private final ErrorCode notFound;
        private final String message;

        Subject(ErrorCode notFound, String message) {
            this.notFound = notFound;
            this.message = message;
        }
    }

    static <T, R> HttpResponse<R> reply(Access<T> access, Subject subject, Function<T, HttpResponse<R>> granted) {
        return access.fold(new Access.Cases<T, HttpResponse<R>>() {
            @Override
            public HttpResponse<R> granted(T value) {
                return granted.apply(value);
            }

            @Override
            public HttpResponse<R> notFound() {
                return error(HttpStatus.NOT_FOUND, subject.notFound, subject.message);
            }

            @Override
            public HttpResponse<R> subjectMismatch() {
                return subject == Subject.CHALLENGE
                        ? error(HttpStatus.FORBIDDEN, ErrorCode.USER_ID_DOES_NOT_MATCH_WITH_CHALLENGE_SUBJECT_USER_ID,
                        "The token's user is not the challenge's subject user")
                        : error(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "A user may only manage its own factors");
            }

            @Override
            public HttpResponse<R> forbidden() {
                return error(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "The token lacks the scope this operation needs");
            }
        });
    }

    static <R> HttpResponse<R> error(HttpStatus status, ErrorCode code, String message) {
        return error(status, code, message, UnaryOperator.identity());
    }

    static <R> HttpResponse<R> error(HttpStatus status, ErrorCode code, String message,
                                     UnaryOperator<ErrorResponse> extras) {
        return ApiErrors.as(ApiErrors.of(request(), status, code, message, List.of(), extras));
    }

    /**
     * 400 with one {@code INVALID_VALUE} field error, as the edge answers a malformed field: for
     * a value whose form only the use case can judge (a code of another length than the method's).
     */
    static <R> HttpResponse<R> invalidField(String field, String message) {
        return ApiErrors.as(ApiErrors.of(request(), HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                FieldErrors.INVALID_FIELDS, List.of(new FieldError().field(field)
                        .code(FieldErrorCode.INVALID_VALUE).message(message)),
                UnaryOperator.identity()));
    }

    /** "must be 6 digits", "must be 6 or 8 digits". */
    static String digitsRule(Set<Integer> digits) {
        return "must be " + digits.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(" or ")) + " digits";
    }

    /** An error with the documented finer {@code reason} a client may branch on. */
    static <R> HttpResponse<R> error(HttpStatus status, ErrorCode code, String message, Reason reason) {
        return error(status, code, message, body -> body.reason(reason.name()));
    }

    /** 410: the challenge no longer accepts this request; the body says which status it has. */
    static <R> HttpResponse<R> gone(com.plmr.mfa.domain.challenge.ChallengeStatus status) {
        return error(HttpStatus.GONE, ErrorCode.CHALLENGE_NOT_FOUND,
                "The challenge is " + status.name().toLowerCase(java.util.Locale.ROOT) + " and accepts no more requests",
                body -> body.challengeStatus(ChallengeStatus.toEnum(status.name().toLowerCase(java.util.Locale.ROOT)))
                        .reason(Reason.CHALLENGE_CLOSED.name()));
    }

    static <R> HttpResponse<R> contextGone() {
        return error(HttpStatus.NOT_FOUND, ErrorCode.STEP_UP_REQUEST_CONTEXT_NOT_FOUND,
                "The step-up request of this challenge was cancelled");
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up, and the reason to wait. */
    static <R> HttpResponse<R> tooMany(Duration retryAfter, String message, Reason reason) {
        return ApiErrors.as(ApiErrors.retryLater(request(), HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS,
                message, retryAfter, body -> body.reason(reason.name())));
    }

    static HttpRequest<?> request() {
        return ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("replies are made while serving a request"));
    }
}
