package com.plmr.mfa.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** How far behind an event loop is, from when its probe ran, with the time passed in. */
class EventLoopLagTest {

    private static final long MS = 1_000_000L;
    private final AtomicLong start = new AtomicLong(7 * MS);
    private final EventLoopLag lag = new EventLoopLag(start::get);

    @Test
    void a_loop_whose_probe_runs_on_time_is_not_behind() {
        lag.ran(17 * MS);

        assertThat(lag.at(18 * MS)).isZero();
        assertThat(lag.at(27 * MS)).isZero();
    }

    @Test
    void the_lateness_of_the_last_run_holds_until_the_next() {
        lag.ran(317 * MS);

        assertThat(lag.at(318 * MS)).isEqualTo(300 * MS);

        lag.ran(327 * MS);
        assertThat(lag.at(328 * MS)).isZero();
    }

    @Test
    void a_loop_is_behind_by_as_long_as_its_probe_is_overdue_already() {
        lag.ran(17 * MS);

        assertThat(lag.at(1_027 * MS)).isEqualTo(1_000 * MS);
    }
}
