package com.plmr.mfa.adapter.in.rest;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * Security headers on every response, errors and rejections by the security filter included.
 * The API answers JSON only, so nothing may be sniffed, framed, cached (a verified challenge or a
 * TOTP secret must not land in a shared cache) or loaded as a document with active content.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter implements HttpServerFilter {

    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    /**
     * The API documentation page is the one resource a browser renders: it may load its own
     * scripts, styles and the spec from this origin, and nothing from anywhere else.
     */
    static final String DOCUMENTATION_PAGE = "/api-docs";
    static final String DOCUMENTATION_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean documentation = request.getPath().startsWith(DOCUMENTATION_PAGE);
        return Publishers.map(chain.proceed(request), response -> {
            HEADERS.forEach((name, value) -> response.getHeaders().set(name, value));
            if (documentation) {
                response.getHeaders().set("Content-Security-Policy", DOCUMENTATION_POLICY);
            }
            return response;
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
