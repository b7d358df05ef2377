package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.Any;
import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.adapter.in.rest.model.ErrorResponse;
import com.plmr.mfa.adapter.in.rest.model.FieldError;
import com.plmr.mfa.adapter.in.rest.model.Status;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Renders every error the service answers, in the one shape its API promises: {@code ErrorResponse}
 * with a {@code urn:plmr:mfa-totp:api:*} code under {@code /internal}, {@code google.rpc.Status}
 * under {@code /resources}. The request id is in the body and the {@code X-Request-Id} header.
 */
final class ApiErrors {

    private static final String RESOURCE_PREFIX = "/resources/";
    private static final String TYPE_PREFIX = "type.googleapis.com/google.rpc.";

    private ApiErrors() {
    }

    static MutableHttpResponse<Object> of(HttpRequest<?> request, HttpStatus status, ErrorCode code, String message) {
        return of(request, status, code, message, List.of(), UnaryOperator.identity());
    }

    static MutableHttpResponse<Object> of(HttpRequest<?> request, HttpStatus status, ErrorCode code, String message,
                                          List<FieldError> fieldErrors, UnaryOperator<ErrorResponse> extras) {
        ErrorResponse error = extras.apply(new ErrorResponse().code(code).message(message)
                .requestId(RequestIds.of(request)).fieldErrors(fieldErrors.isEmpty() ? null : fieldErrors));
        Object body = request.getPath().startsWith(RESOURCE_PREFIX) ? status(status, error) : error;
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    /**
     * An answer that tells the caller when to try again: {@code Retry-After} in whole seconds,
     * rounded up (at least 1), also as {@code retryAfterSeconds} in an {@code ErrorResponse}.
     */
    static MutableHttpResponse<Object> retryLater(HttpRequest<?> request, HttpStatus status, ErrorCode code,
                                                  String message, Duration retryAfter,
                                                  UnaryOperator<ErrorResponse> extras) {
        int seconds = (int) Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return of(request, status, code, message, List.of(), body -> extras.apply(body.retryAfterSeconds(seconds)))
                .header("Retry-After", Integer.toString(seconds));
    }

    /**
     * 503: the service cannot take the request now (its database is out of reach, or it is at its
     * concurrency limit). The 1.x code list has no code of its own for this; the status and
     * {@code Retry-After} are what a caller acts on.
     */
    static MutableHttpResponse<Object> unavailable(HttpRequest<?> request, Duration retryAfter) {
        return retryLater(request, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.INTERNAL_SERVER_ERROR,
                "The service is temporarily unavailable; try again after the Retry-After delay", retryAfter,
                UnaryOperator.identity());
    }

    /** The error answer with the headers the framework had set on its own answer (an {@code Allow}, a {@code WWW-Authenticate}). */
    static MutableHttpResponse<Object> keepHeaders(HttpResponse<?> from, MutableHttpResponse<Object> error) {
        from.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> error.header(name, value));
            }
        });
        return error;
    }

    /** The success body type of a generated interface and an error body travel in one response. */
    @SuppressWarnings("unchecked")
    static <T> HttpResponse<T> as(MutableHttpResponse<Object> error) {
        return (HttpResponse<T>) (HttpResponse<?>) error;
    }

    /** The same error in the google.rpc.Status shape; the finer {@code reason} goes into the ErrorInfo's metadata. */
    private static Status status(HttpStatus status, ErrorResponse error) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("requestId", error.getRequestId());
        metadata.put("code", error.getCode().getValue());
        if (error.getReason() != null) {
            metadata.put("reason", error.getReason());
        }
        Any info = new Any().atType(TYPE_PREFIX + "ErrorInfo");
        info.setAdditionalProperties("reason", error.getCode().name());
        info.setAdditionalProperties("domain", "mfa-totp");
        info.setAdditionalProperties("metadata", metadata);
        Status body = new Status().code(grpcCode(status)).message(error.getMessage()).addDetailsItem(info);
        List<FieldError> fieldErrors = error.getFieldErrors() == null ? List.of() : error.getFieldErrors();
        if (!fieldErrors.isEmpty()) {
            Any badRequest = new Any().atType(TYPE_PREFIX + "BadRequest");
            badRequest.setAdditionalProperties("fieldViolations", fieldErrors.stream()
                    .map(e -> Map.of("field", e.getField(), "description", e.getMessage())).toList());
            body.addDetailsItem(badRequest);
        }
        return body;
    }

    /** google.rpc.Code for an HTTP status (the mapping of google/rpc/code.proto). */
    static int grpcCode(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE, REQUEST_ENTITY_TOO_LARGE, REQUEST_URI_TOO_LONG,
                 REQUEST_HEADER_FIELDS_TOO_LARGE -> 3;
            case NOT_FOUND, METHOD_NOT_ALLOWED -> 5;
            case CONFLICT -> 10;
            case FORBIDDEN -> 7;
            case TOO_MANY_REQUESTS -> 8;
            case UNAUTHORIZED -> 16;
            case GONE -> 9;
            case SERVICE_UNAVAILABLE -> 14;
            default -> 13;
        };
    }
}
