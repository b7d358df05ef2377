package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.adapter.in.rest.model.FieldError;
import com.plmr.mfa.adapter.in.rest.model.FieldErrorCode;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.json.JsonMapper;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Renders the framework's own errors (unknown route, wrong method or content type, malformed
 * JSON, constraint violations, unexpected failures) in the API's error model. Messages are fixed
 * per situation: they never echo request content or exception text, so no code, secret or stack
 * trace reaches a response.
 */
@Primary
@Singleton
class ApiErrorResponseProcessor implements ErrorResponseProcessor<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorResponseProcessor.class);
    private final JsonMapper mapper;

    ApiErrorResponseProcessor(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        context.getRootCause().ifPresent(cause -> {
            if (status.getCode() >= 500) {
                LOG.error("{} {} failed", context.getRequest().getMethod(), context.getRequest().getPath(), cause);
            } else {
                LOG.debug("{} {} answered {}: {}", context.getRequest().getMethod(), context.getRequest().getPath(),
                        status.getCode(), cause.getClass().getSimpleName());
            }
        });
        List<FieldError> fieldErrors = context.getRootCause().map(cause -> fieldErrors(context, cause))
                .orElse(List.of());
        return ApiErrors.keepHeaders(base, ApiErrors.of(context.getRequest(), status, codeFor(status),
                messageFor(status, !fieldErrors.isEmpty()), fieldErrors, UnaryOperator.identity()));
    }

    static ErrorCode codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> ErrorCode.RESOURCE_UNKNOWN;
            case UNAUTHORIZED -> ErrorCode.UNAUTHORIZED;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case TOO_MANY_REQUESTS -> ErrorCode.TOO_MANY_REQUESTS;
            default -> status.getCode() < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR;
        };
    }

    static String messageFor(HttpStatus status, boolean fieldErrors) {
        return switch (status) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "The resource does not support this HTTP method";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be application/json";
            case NOT_ACCEPTABLE -> "The response can only be application/json";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large";
            case REQUEST_URI_TOO_LONG -> EdgeRefusal.URI_TOO_LONG.message();
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> EdgeRefusal.HEADERS_TOO_LARGE.message();
            case UNAUTHORIZED -> "A valid bearer token is required";
            case FORBIDDEN -> "The token does not allow this operation";
            case BAD_REQUEST -> fieldErrors ? "The request has invalid fields" : "The request is malformed";
            default -> status.getCode() < 500 ? "The request cannot be processed" : "An unexpected error occurred";
        };
    }

    private List<FieldError> fieldErrors(ErrorContext context, Throwable cause) {
        if (cause instanceof ConstraintViolationException violations) {
            return fieldErrors(violations);
        }
        if (cause instanceof ConversionErrorException conversion) {
            return BodyCopy.of(context.getRequest())
                    .map(body -> JsonFieldErrors.locate(mapper, conversion.getArgument().getType(), body))
                    .orElse(List.of());
        }
        return List.of();
    }

    private static List<FieldError> fieldErrors(ConstraintViolationException exception) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            Class<? extends Annotation> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
            FieldErrorCode code = type == NotNull.class ? FieldErrorCode.NOT_NULL
                    : type == NotBlank.class ? FieldErrorCode.NOT_BLANK : FieldErrorCode.INVALID_VALUE;
            errors.add(new FieldError().field(fieldOf(violation.getPropertyPath())).code(code)
                    .message(violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::getField).thenComparing(e -> e.getCode().getValue()));
        return errors;
    }

    /** {@code verifySms.verifyOtpRequest.totp} is {@code totp}; {@code verifySms.challengeId} is {@code challengeId}. */
    static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        path.forEach(node -> names.add(node.getName()));
        List<String> field = names.size() > 2 ? names.subList(2, names.size()) : names.subList(names.size() - 1, names.size());
        return String.join(".", field);
    }
}
