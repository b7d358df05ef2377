package com.plmr.mfa.adapter.in.rest;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import jakarta.inject.Inject;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Admission control for the API, two limits checked on the event loop before a request reaches the
 * blocking pool, the security filter or the database:
 * <ul>
 * <li>how long the request waited before the service could read it ({@link Arrival}), against
 * {@code mfa.http.queue-target} and {@code mfa.http.queue-interval} ({@link QueueDelayLimit}):
 * when the instance is short of CPU, requests queue unread in front of its event loops long
 * before the concurrency limit fills, and this sheds them;</li>
 * <li>at most {@code mfa.http.max-concurrent-requests} requests served at once, about what the
 * database pool can serve with a short wait.</li>
 * </ul>
 * A request past either is shed at once: 503 with {@code Retry-After} in the error model of its
 * path. So overload costs the callers over capacity a quick retry instead of costing everyone a
 * queue, and the number of request threads stays bounded. Health, metrics and the documentation
 * are not counted, so an overloaded instance still answers its probes.
 */
@Filter({"/internal/**", "/resources/**", "/callbacks/**"})
class Admission implements HttpServerFilter {

    /** Capacity frees up within about a request's time. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    static final int MAX_LIMIT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    private final int limit;
    private final Semaphore permits;
    private final QueueDelayLimit delays;
    private final LongSupplier nanoTime;

    @Inject
    Admission(@Value("${mfa.http.max-concurrent-requests:40}") int limit,
              @Value("${mfa.http.queue-target:50ms}") Duration queueTarget,
              @Value("${mfa.http.queue-interval:500ms}") Duration queueInterval) {
        this(limit, new QueueDelayLimit(queueTarget, queueInterval, Math.max(1, limit / 2)), System::nanoTime);
    }

    Admission(int limit, QueueDelayLimit delays, LongSupplier nanoTime) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("mfa.http.max-concurrent-requests (MFA_MAX_CONCURRENT_REQUESTS) is "
                    + limit + ", allowed 1 to " + MAX_LIMIT);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit);
        this.delays = delays;
        this.nanoTime = nanoTime;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long now = nanoTime.getAsLong();
        long waited = Arrival.waited(request, now);
        if (!delays.admits(waited, limit - permits.availablePermits(), now)) {
            LOG.debug("{} {} shed: waited {} ms to be read", request.getMethod(), request.getPath(),
                    TimeUnit.NANOSECONDS.toMillis(waited));
            return Publishers.just(ApiErrors.unavailable(request, RETRY_AFTER));
        }
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
