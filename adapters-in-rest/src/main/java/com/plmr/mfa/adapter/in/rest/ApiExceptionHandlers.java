package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.application.port.in.StoreUnavailableException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
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
                    FieldErrors.INVALID_FIELDS, exception.fieldErrors(), UnaryOperator.identity());
        }
    }

    /**
     * The database did not answer in time: 503 with {@code Retry-After}, logged as one line
     * (during an outage every request would otherwise log a stack trace).
     */
    @Singleton
    @Produces
    static class StoreUnavailable implements ExceptionHandler<StoreUnavailableException, HttpResponse<?>> {
        /** About the time readiness needs to notice the database is back. */
        static final Duration RETRY_AFTER = Duration.ofSeconds(5);
        private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailable.class);

        @Override
        @SuppressWarnings("rawtypes") // the framework's interface declares the raw type
        public HttpResponse<?> handle(HttpRequest request, StoreUnavailableException exception) {
            LOG.warn("{} {} answered 503: the database is unavailable ({})", request.getMethod(), request.getPath(),
                    rootCause(exception));
            return ApiErrors.unavailable(request, RETRY_AFTER);
        }

        private static String rootCause(Throwable failure) {
            Throwable root = failure;
            for (int depth = 0; depth < 32 && root.getCause() != null; depth++) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName();
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
