package com.plmr.mfa.adapter.in.rest;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Gives an error answer that a framework filter made without a body (the CORS filter's bare 403
 * against a request from a foreign {@code Origin} to a server on localhost, for one) the body of
 * the error model, like every other error.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class ErrorBodies implements HttpServerFilter {

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() == HttpMethod.HEAD) {
            return chain.proceed(request);
        }
        return Publishers.map(chain.proceed(request), response -> response.code() < 400 || response.getBody().isPresent()
                ? response
                : ApiErrors.keepHeaders(response, ApiErrors.of(request, response.getStatus(),
                ApiErrorResponseProcessor.codeFor(response.getStatus()),
                ApiErrorResponseProcessor.messageFor(response.getStatus(), false), List.of(), UnaryOperator.identity())));
    }

    @Override
    public int getOrder() {
        return FilterOrder.ERROR_BODIES;
    }
}
