package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.util.function.UnaryOperator;

/** Exception handlers for the errors the adapter and the security filter raise themselves. */
final class ApiExceptionHandlers {

    private ApiExceptionHandlers() {
    }

    /** Field errors found while turning a request into a command: 400 BAD_REQUEST with fieldErrors. */
    @Singleton
    @Produces
    static class InvalidRequest implements ExceptionHandler<FieldErrors.InvalidRequestException, HttpResponse<?>> {
        @Override
        @SuppressWarnings("rawtypes") // the framework's interface declares the raw type
        public HttpResponse<?> handle(HttpRequest request, FieldErrors.InvalidRequestException exception) {
            return ApiErrors.of(request, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    "The request has invalid fields", exception.fieldErrors(), UnaryOperator.identity());
        }
    }

    /** Missing, expired or badly signed tokens (401) and missing rights (403), never the framework's body. */
    @Singleton
    @Produces
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    static class Authorization implements ExceptionHandler<AuthorizationException, HttpResponse<?>> {
        @Override
        @SuppressWarnings("rawtypes") // the framework's interface declares the raw type
        public HttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
            return exception.isForbidden()
                    ? ApiErrors.of(request, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "The token does not allow this operation")
                    : ApiErrors.of(request, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, "A valid bearer token is required")
                    .header("WWW-Authenticate", "Bearer");
        }
    }
}
