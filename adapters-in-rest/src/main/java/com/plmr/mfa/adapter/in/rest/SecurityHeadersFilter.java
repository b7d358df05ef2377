package com.plmr.mfa.adapter.in.rest;

import io.micronaut.core.async.publisher.Publishers;
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

    /**
     * The development inbox (dev environment only) renders too: its page runs its own script and
     * style sheet, reads the inbox as JSON and frames the e-mails' HTML bodies, all from this
     * origin, and nothing else (no inline script or style, no images, no forms).
     */
    static final String DEV_INBOX_PAGE = "/dev/inbox";
    static final String DEV_INBOX_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /**
     * An e-mail's HTML body, framed by the inbox page: styled by its own inline styles only, no
     * script, no request anywhere, sandboxed (an opaque origin) even when opened on its own.
     */
    static final String DEV_INBOX_EMAILS = "/dev/inbox/messages/";
    static final String DEV_INBOX_EMAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

    /**
     * The public keys of step-up assertions are the same for everyone and change only with a
     * rotation, which keeps a new key listed before it signs: a cache may keep them a few minutes.
     */
    static final String PUBLISHED_KEYS = "/.well-known/jwks.json";
    static final String PUBLISHED_KEYS_CACHING = "public, max-age=300";

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String path = request.getPath();
        return Publishers.map(chain.proceed(request), response -> {
            HEADERS.forEach((name, value) -> response.getHeaders().set(name, value));
            if (path.startsWith(DOCUMENTATION_PAGE)) {
                response.getHeaders().set("Content-Security-Policy", DOCUMENTATION_POLICY);
            } else if (path.startsWith(DEV_INBOX_EMAILS)) {
                response.getHeaders().set("Content-Security-Policy", DEV_INBOX_EMAIL_POLICY);
                response.getHeaders().set("X-Frame-Options", "SAMEORIGIN");
            } else if (path.equals(DEV_INBOX_PAGE)) {
                response.getHeaders().set("Content-Security-Policy", DEV_INBOX_POLICY);
            } else if (path.equals(PUBLISHED_KEYS) && response.code() == 200) {
                response.getHeaders().set("Cache-Control", PUBLISHED_KEYS_CACHING);
            }
            return response;
        });
    }

    @Override
    public int getOrder() {
        return FilterOrder.SECURITY_HEADERS;
    }
}
