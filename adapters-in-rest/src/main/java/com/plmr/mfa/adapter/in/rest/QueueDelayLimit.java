package com.plmr.mfa.adapter.in.rest;

import java.time.Duration;

/**
 * Whether a request that waited before the service could look at it is still worth serving, after
 * CoDel (Nichols and Jacobson, "Controlling Queue Delay", ACM Queue 10(5), 2012): a wait above
 * {@code target} is a burst while it lasts less than {@code interval}, and a standing queue once
 * every request for a whole interval waited above the target. In a burst a request is served if it
 * waited at most the interval; in a standing queue only if it waited at most the target, so the
 * requests behind it are answered (shed) at once instead of all waiting their turn. The state ends
 * with the first request that waited at most the target, or after an interval without requests.
 * <p>
 * Only a queue the instance's own requests cause is shed: while fewer than {@code minBusy}
 * requests are in progress (half the concurrency limit), a long wait comes from elsewhere (a pause
 * of the JVM, other processes taking the CPU). Shedding would not shorten it and would only cut
 * the instance's throughput: with a floor of 2 on a machine whose other processes kept the event
 * loops 50 ms and more behind, the instance served 10 requests a second of the 100 it could.
 * <p>
 * Times are {@link System#nanoTime()} readings passed in by the caller, so the decision is a pure
 * function of its inputs and the requests seen before; safe for concurrent callers.
 */
final class QueueDelayLimit {

    private final long target;
    private final long interval;
    private final int minBusy;
    /** When the waits went above the target, and the last request seen; valid while {@link #above}. */
    private long aboveSince;
    private long lastSeen;
    private boolean above;

    QueueDelayLimit(Duration target, Duration interval, int minBusy) {
        if (target.isNegative() || target.isZero() || interval.compareTo(target) <= 0 || minBusy < 1) {
            throw new IllegalArgumentException("target " + target + " must be positive and below interval " + interval
                    + ", and minBusy " + minBusy + " positive");
        }
        this.target = target.toNanos();
        this.interval = interval.toNanos();
        this.minBusy = minBusy;
    }

    /**
     * Whether a request that waited {@code waited} nanoseconds until {@code now}, while
     * {@code inProgress} requests were being served, is served too.
     */
    synchronized boolean admits(long waited, int inProgress, long now) {
        if (waited <= target) {
            above = false;
            return true;
        }
        if (!above || now - lastSeen > interval) {
            above = true;
            aboveSince = now;
        }
        lastSeen = now;
        boolean standing = now - aboveSince >= interval;
        return inProgress < minBusy || waited <= (standing ? target : interval);
    }
}
