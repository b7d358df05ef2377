package com.plmr.mfa.adapter.in.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.util.Optional;
import java.util.function.Function;

/**
 * Makes the content-negotiation headers safe before the framework reads them. It splits
 * {@code Accept-Language} and {@code Accept-Charset} naively and fails with a 500 on values such
 * as {@code ;} or {@code ,}, and its compressor answers {@code Accept-Encoding: *} in
 * {@code snappy}, which no browser decodes. So {@code Accept-Language} is rebuilt from its
 * well-formed elements ({@link AcceptLanguage}), {@code Accept-Encoding} keeps only the codings
 * clients decode ({@link AcceptEncoding}), each is dropped when nothing usable is left, and
 * {@code Accept-Charset} is dropped: every answer is UTF-8 JSON (RFC 8259 section 8.1) and RFC
 * 9110 section 12.5.2 lets a server ignore it. The compressor reads the headers of this same
 * request, so the rewrite is what it sees (a test asserts it).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class NegotiationHeaders implements HttpServerFilter {

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        HttpHeaders headers = request.getHeaders();
        if (!headers.contains(HttpHeaders.ACCEPT_LANGUAGE) && !headers.contains(HttpHeaders.ACCEPT_CHARSET)
                && !headers.contains(HttpHeaders.ACCEPT_ENCODING)) {
            return chain.proceed(request);
        }
        // a wrapper from mutate() would lose the request's body, so the server's own headers are changed in place
        HttpRequest<?> safe = headers instanceof MutableHttpHeaders ? request : request.mutate();
        MutableHttpHeaders mutable = (MutableHttpHeaders) safe.getHeaders();
        mutable.remove(HttpHeaders.ACCEPT_CHARSET);
        rewrite(mutable, HttpHeaders.ACCEPT_LANGUAGE, value -> AcceptLanguage.parse(value).canonical());
        rewrite(mutable, HttpHeaders.ACCEPT_ENCODING, AcceptEncoding::offered);
        return chain.proceed(safe);
    }

    private static void rewrite(MutableHttpHeaders headers, String name, Function<String, Optional<String>> safe) {
        if (!headers.contains(name)) {
            return;
        }
        String value = String.join(",", headers.getAll(name));
        headers.remove(name);
        safe.apply(value).ifPresent(rewritten -> headers.set(name, rewritten));
    }

    @Override
    public int getOrder() {
        return FilterOrder.NEGOTIATION_HEADERS;
    }
}
