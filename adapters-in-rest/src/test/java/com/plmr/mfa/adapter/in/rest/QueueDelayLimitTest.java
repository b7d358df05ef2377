package com.plmr.mfa.adapter.in.rest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shedding decision on the time requests waited to be read, with the time passed in: a target
 * of 50 ms, an interval of 500 ms, and shedding only while at least 2 requests are in progress.
 */
class QueueDelayLimitTest {

    private static final long MS = 1_000_000L;
    private static final int BUSY = 2;
    private final QueueDelayLimit limit = new QueueDelayLimit(Duration.ofMillis(50), Duration.ofMillis(500), BUSY);

    @Test
    void serves_every_request_that_waited_at_most_the_target() {
        for (long t = 0; t < 2_000; t += 10) {
            assertThat(limit.admits(50 * MS, 100, t * MS)).isTrue();
        }
    }

    @Test
    void in_a_burst_serves_requests_that_waited_up_to_the_interval_and_sheds_longer_waits() {
        assertThat(limit.admits(400 * MS, BUSY, 0)).isTrue();
        assertThat(limit.admits(500 * MS, BUSY, 100 * MS)).isTrue();
        assertThat(limit.admits(501 * MS, BUSY, 200 * MS)).isFalse();
        assertThat(limit.admits(60 * MS, BUSY, 499 * MS)).isTrue();
    }

    @Test
    void once_every_request_waited_above_the_target_for_an_interval_sheds_all_that_did() {
        for (long t = 0; t < 500; t += 50) {
            assertThat(limit.admits(80 * MS, BUSY, t * MS)).as("at %d ms", t).isTrue();
        }

        assertThat(limit.admits(51 * MS, BUSY, 500 * MS)).isFalse();
        assertThat(limit.admits(80 * MS, BUSY, 600 * MS)).isFalse();
        assertThat(limit.admits(50 * MS, BUSY, 700 * MS)).isTrue();
    }

    @Test
    void a_request_that_waited_at_most_the_target_ends_the_standing_queue() {
        limit.admits(80 * MS, BUSY, 0);
        limit.admits(80 * MS, BUSY, 500 * MS);
        assertThat(limit.admits(80 * MS, BUSY, 600 * MS)).isFalse();

        assertThat(limit.admits(10 * MS, BUSY, 650 * MS)).isTrue();

        assertThat(limit.admits(80 * MS, BUSY, 700 * MS)).isTrue();
        assertThat(limit.admits(80 * MS, BUSY, 1_199 * MS)).isTrue();
        assertThat(limit.admits(80 * MS, BUSY, 1_200 * MS)).isFalse();
    }

    @Test
    void an_interval_without_requests_ends_the_standing_queue() {
        limit.admits(80 * MS, BUSY, 0);
        assertThat(limit.admits(80 * MS, BUSY, 500 * MS)).isFalse();

        assertThat(limit.admits(80 * MS, BUSY, 1_001 * MS)).isTrue();
    }

    @Test
    void sheds_nothing_for_waiting_while_fewer_requests_than_cores_are_in_progress() {
        limit.admits(80 * MS, BUSY - 1, 0);

        assertThat(limit.admits(80 * MS, BUSY - 1, 500 * MS)).isTrue();
        assertThat(limit.admits(10_000 * MS, BUSY - 1, 600 * MS)).isTrue();
        assertThat(limit.admits(80 * MS, BUSY, 700 * MS)).isFalse();
    }

    @Test
    void refuses_a_target_that_is_not_below_the_interval() {
        assertThatThrownBy(() -> new QueueDelayLimit(Duration.ofMillis(500), Duration.ofMillis(500), BUSY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueDelayLimit(Duration.ZERO, Duration.ofMillis(500), BUSY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
