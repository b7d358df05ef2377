package com.plmr.mfa.adapter.in.rest;

import io.micronaut.core.order.Ordered;

/**
 * The order of the adapter's filters, first to last, ahead of the security filter. The request id,
 * the security headers and the error bodies wrap everything after them, so every answer carries
 * the first two and every error the third, refusals included; the access log sits just inside the
 * request id, so it logs every answer, refusals included, with its id. The edge refusals and
 * admission answer before any work is done (they never leave the event loop), and so does a wrong
 * method on a custom-method path; the JSON body copy is the first to reach the blocking pool. The
 * check of the body's JSON types runs after the security filter ({@link JsonBodyTypes}).
 */
final class FilterOrder {

    static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    static final int ACCESS_LOG = REQUEST_ID + 1;
    static final int SECURITY_HEADERS = ACCESS_LOG + 1;
    static final int ERROR_BODIES = SECURITY_HEADERS + 1;
    static final int EDGE_REFUSALS = ERROR_BODIES + 1;
    static final int ADMISSION = EDGE_REFUSALS + 1;
    static final int NEGOTIATION_HEADERS = ADMISSION + 1;
    static final int CUSTOM_METHOD_PATHS = NEGOTIATION_HEADERS + 1;
    static final int BODY_COPY = CUSTOM_METHOD_PATHS + 1;

    private FilterOrder() {
    }
}
