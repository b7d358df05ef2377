package com.plmr.mfa.bootstrap;

import io.netty.channel.EventLoop;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How far one event loop is behind: a probe task asks to run every {@value #PERIOD_MILLIS} ms and
 * notes how late it ran. A loop that is busy with other connections, or starved of CPU by the
 * request threads, runs it late by about as long as a socket that became readable waits before the
 * loop reads it. Between two runs the lag is the last one noted, or how overdue the next run is
 * already, whichever is larger, so a loop stuck in a long stretch of work is seen behind before
 * the probe gets to run again. Times are {@link System#nanoTime()} readings.
 */
final class EventLoopLag {

    static final long PERIOD_MILLIS = 10;
    private static final long PERIOD = TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);

    private final LongSupplier nanoTime;
    private volatile long due;
    private volatile long lag;

    EventLoopLag(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.due = nanoTime.getAsLong() + PERIOD;
    }

    /** Starts probing {@code loop}, until it shuts down (the probe never keeps it from stopping). */
    static EventLoopLag probing(EventLoop loop) {
        EventLoopLag lag = new EventLoopLag(System::nanoTime);
        lag.schedule(loop);
        return lag;
    }

    /** The probe ran at {@code now}; it is due again one period later. */
    void ran(long now) {
        lag = Math.max(0, now - due);
        due = now + PERIOD;
    }

    /** How far behind the loop is at {@code now}. */
    long at(long now) {
        return Math.max(lag, now - due);
    }

    private void schedule(EventLoop loop) {
        if (loop.isShuttingDown()) {
            return;
        }
        try {
            loop.schedule(() -> {
                ran(nanoTime.getAsLong());
                schedule(loop);
            }, PERIOD, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // the loop stops, and its connections with it
        }
    }
}
