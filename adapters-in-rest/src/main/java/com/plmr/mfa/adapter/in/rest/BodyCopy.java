package com.plmr.mfa.adapter.in.rest;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/**
 * Keeps a copy of small JSON and form request bodies (within the 16 KB request limit) as a request
 * attribute: a JSON body the decoder rejects can be examined field by field for the error answer
 * ({@link JsonFieldErrors}), since the decoder itself consumes the body and names no field; and a
 * provider's status callback is verified against the bytes it signed ({@link DeliveryReceiptsController}),
 * which no decoded form or object keeps.
 * The copy lives only as long as the request and is never logged. It runs on the blocking pool
 * (where the controllers run anyway): an asynchronous filter method ahead of the classic filters
 * lost responses in Micronaut 4.10.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
class BodyCopy implements Ordered {

    private static final String ATTRIBUTE = BodyCopy.class.getName();
    static final long MAX_COPIED = 16 * 1024;

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void copy(HttpRequest<?> request) {
        long length = request.getContentLength();
        boolean copied = request.getContentType().map(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)
                || type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        // a chunked body has no length (-1); the server's request size limit bounds it all the same
        if (!(request instanceof ServerHttpRequest<?> server) || !copied || length == 0 || length > MAX_COPIED) {
            return;
        }
        // toByteArray() is terminal: it releases the copy, which must not be closed a second time
        byte[] copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer().join().toByteArray();
        request.setAttribute(ATTRIBUTE, copy);
    }

    static Optional<byte[]> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, byte[].class);
    }

    @Override
    public int getOrder() {
        return FilterOrder.BODY_COPY;
    }
}
