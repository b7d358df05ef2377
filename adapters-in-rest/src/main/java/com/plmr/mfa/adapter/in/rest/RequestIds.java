package com.plmr.mfa.adapter.in.rest;

import io.micronaut.http.HttpRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id: a caller's well-formed {@code X-Request-Id} is kept (so a consumer can follow
 * its own id through our logs), anything else is replaced, so no caller can inject log content.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "mfa.requestId";
    static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    static String accept(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id the filter gave the request, or a fresh one for a request that never reached it. */
    static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = accept(request.getHeaders().get(HEADER));
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }
}
