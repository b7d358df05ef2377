package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

/** Answers the requests the server's edge refused ({@link EdgeRefusal}) without running anything else. */
@Filter(Filter.MATCH_ALL_PATTERN)
class EdgeRefusals implements HttpServerFilter {

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String marker = request.getHeaders().get(EdgeRefusal.HEADER);
        if (marker == null) {
            return chain.proceed(request);
        }
        EdgeRefusal refusal = EdgeRefusal.of(marker).orElse(EdgeRefusal.MALFORMED);
        return Publishers.just(ApiErrors.of(request, refusal.status(), ErrorCode.BAD_REQUEST, refusal.message()));
    }

    @Override
    public int getOrder() {
        return FilterOrder.EDGE_REFUSALS;
    }
}
