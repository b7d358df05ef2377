package com.plmr.mfa.adapter.in.rest;

import io.micronaut.http.HttpStatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the HTTP server refused a request it could not read completely. The server's edge hands
 * such a request on without its content, marked with {@link #HEADER}, and {@link EdgeRefusals}
 * answers it in the error model of its path, with the request id and the security headers like
 * every other answer. The edge removes the header from every request a client sends.
 */
public enum EdgeRefusal {
    /** The request line is longer than the server reads (RFC 9110 section 15.5.15). */
    URI_TOO_LONG(HttpStatus.REQUEST_URI_TOO_LONG, "The request URI is too long"),
    /** The header section is larger than the server reads (RFC 6585 section 5). */
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are too large"),
    /** The request line or a header does not parse. */
    MALFORMED(HttpStatus.BAD_REQUEST, "The request is malformed");

    /** The marker header, set by the edge only. */
    public static final String HEADER = "X-Mfa-Edge-Refusal";

    private final HttpStatus status;
    private final String message;

    EdgeRefusal(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    HttpStatus status() {
        return status;
    }

    String message() {
        return message;
    }

    static Optional<EdgeRefusal> of(String marker) {
        return Arrays.stream(values()).filter(refusal -> refusal.name().equals(marker)).findFirst();
    }
}
