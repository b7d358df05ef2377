package com.plmr.mfa.adapter.in.rest;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * Gives every request its id before anything else runs (security included): in the MDC for the
 * log lines of the request, on the response as {@code X-Request-Id}, and for error bodies
 * ({@link FilterOrder}).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class RequestIdFilter implements HttpServerFilter {

    @Override
    @SuppressWarnings("try") // the scope is held open for its side effect on the MDC
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String id = RequestIds.of(request);
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(Map.of(RequestIds.MDC_KEY, id))).propagate()) {
            return Publishers.map(chain.proceed(request), response -> {
                response.getHeaders().set(RequestIds.HEADER, id);
                return response;
            });
        }
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_ID;
    }
}
