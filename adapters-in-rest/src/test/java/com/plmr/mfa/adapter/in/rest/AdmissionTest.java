package com.plmr.mfa.adapter.in.rest;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.ServerFilterChain;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission filter with a time of its own: requests stamped as arriving some time before the
 * filter's now. Two requests held in progress (chains that never answer) make the instance busy.
 */
class AdmissionTest {

    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(1_000_000 * MS);
    private final Admission admission = new Admission(3,
            new QueueDelayLimit(Duration.ofMillis(50), Duration.ofMillis(500), 2), now::get);

    @Test
    void a_busy_instance_sheds_requests_that_waited_above_the_target_for_an_interval_with_503_and_retry_after() {
        holdTwo();
        assertThat(status(pass(80))).isEqualTo(200);
        now.addAndGet(500 * MS);

        MutableHttpResponse<?> shed = pass(80);

        assertThat(shed.code()).isEqualTo(503);
        assertThat(shed.getHeaders().get("Retry-After")).isEqualTo("1");
        assertThat(status(pass(50))).isEqualTo(200);
    }

    @Test
    void requests_without_a_readable_stamp_count_as_not_having_waited() {
        holdTwo();
        for (String stamp : new String[] {null, "", "soon", "1e9"}) {
            HttpRequest<?> request = stamp == null ? HttpRequest.GET("/internal/v1/x")
                    : HttpRequest.GET("/internal/v1/x").header(Arrival.HEADER, stamp);
            now.addAndGet(500 * MS);
            assertThat(status(admission.doFilter(request, answering()))).as(stamp).isEqualTo(200);
        }
    }

    @Test
    void past_the_concurrency_limit_sheds_whatever_the_wait() {
        holdTwo();
        admission.doFilter(stamped(0), holding());

        assertThat(pass(0).code()).isEqualTo(503);
    }

    private void holdTwo() {
        for (int i = 0; i < 2; i++) {
            Flux.from(admission.doFilter(stamped(0), holding())).subscribe();
        }
    }

    private MutableHttpResponse<?> pass(long waitedMillis) {
        return Mono.from(admission.doFilter(stamped(waitedMillis), answering())).block();
    }

    private static int status(Publisher<MutableHttpResponse<?>> answer) {
        return Mono.from(answer).block().code();
    }

    private static int status(MutableHttpResponse<?> answer) {
        return answer.code();
    }

    private HttpRequest<?> stamped(long waitedMillis) {
        return HttpRequest.GET("/internal/v1/x").header(Arrival.HEADER, Long.toString(now.get() - waitedMillis * MS));
    }

    private static ServerFilterChain answering() {
        return request -> Publishers.just(HttpResponse.ok());
    }

    private static ServerFilterChain holding() {
        return request -> Flux.never();
    }
}
