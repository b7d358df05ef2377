package com.plmr.mfa.adapter.in.rest;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.concurrent.TimeUnit;

/**
 * One line per answered request on the logger {@value #LOGGER}: method, route template, status and
 * duration, with the request id. The route is the template the request matched
 * ({@code /internal/v1/mfa/challenges/{challengeId}}), never the path itself and never the query
 * string, so no identifier, code or token a caller put into the target reaches the log; a request
 * that matched no route is logged with route {@code -}. Headers (the bearer token) are never read.
 * In the JSON log the four values are also separate key-value pairs.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class AccessLog implements HttpServerFilter {

    static final String LOGGER = "mfa.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!LOG.isInfoEnabled()) {
            return chain.proceed(request);
        }
        long started = System.nanoTime();
        return Publishers.map(chain.proceed(request), response -> {
            log(request, response.code(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return response;
        });
    }

    private static void log(HttpRequest<?> request, int status, long millis) {
        String method = request.getMethodName();
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("-");
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.MDC_KEY, RequestIds.of(request))) {
            LOG.atInfo().addKeyValue("method", method).addKeyValue("route", route).addKeyValue("status", status)
                    .addKeyValue("durationMs", millis)
                    .log("{} {} {} {}ms", method, route, status, millis);
        }
    }

    @Override
    public int getOrder() {
        return FilterOrder.ACCESS_LOG;
    }
}
