package com.plmr.mfa.adapter.in.rest;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Admission control for the API: at most {@code mfa.http.max-concurrent-requests} requests are
 * served at once, about what the database pool can serve with a short wait. Past that a request is
 * shed at once, on the event loop, before it reaches the blocking pool, the security filter or
 * the database: 503 with {@code Retry-After} in the error model of its path. So overload costs
 * the callers over capacity a quick retry instead of costing everyone a queue on the pool, and
 * the number of request threads stays bounded. Health, metrics and the documentation are not
 * counted, so an overloaded instance still answers its probes.
 */
@Filter({"/internal/**", "/resources/**"})
class Admission implements HttpServerFilter {

    /** Capacity frees up within about a request's time. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    static final int MAX_LIMIT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    private final Semaphore permits;

    Admission(@Value("${mfa.http.max-concurrent-requests:40}") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("mfa.http.max-concurrent-requests (MFA_MAX_CONCURRENT_REQUESTS) is "
                    + limit + ", allowed 1 to " + MAX_LIMIT);
        }
        this.permits = new Semaphore(limit);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!permits.tryAcquire()) {
            LOG.debug("{} {} shed: at the concurrency limit", request.getMethod(), request.getPath());
            return Publishers.just(ApiErrors.unavailable(request, RETRY_AFTER));
        }
        try {
            return Flux.from(chain.proceed(request)).doFinally(signal -> permits.release());
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public int getOrder() {
        return FilterOrder.ADMISSION;
    }
}
