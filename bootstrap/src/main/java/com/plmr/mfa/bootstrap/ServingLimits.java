package com.plmr.mfa.bootstrap;

import com.plmr.mfa.domain.ParameterException;

import java.time.Duration;

/**
 * How much one instance serves at once and how long a request may wait to be read: its database
 * connections, the API requests it admits, and the queue delay it sheds by (docs/operations.md,
 * "Overload and sizing"). Checked at start; the pool and the admission filter read the same
 * settings.
 */
record ServingLimits(int poolSize, int maxConcurrentRequests, Duration queueTarget, Duration queueInterval) {

    static final int MAX_POOL_SIZE = 1000;
    static final int MAX_CONCURRENT_REQUESTS = 10_000;
    static final Duration MIN_QUEUE_TARGET = Duration.ofMillis(1);
    static final Duration MAX_QUEUE_TARGET = Duration.ofSeconds(10);
    static final Duration MAX_QUEUE_INTERVAL = Duration.ofMinutes(1);

    ServingLimits {
        ParameterException.require(poolSize >= 1 && poolSize <= MAX_POOL_SIZE, "poolSize", "1 to " + MAX_POOL_SIZE);
        ParameterException.require(maxConcurrentRequests >= 1 && maxConcurrentRequests <= MAX_CONCURRENT_REQUESTS,
                "maxConcurrentRequests", "1 to " + MAX_CONCURRENT_REQUESTS);
        ParameterException.require(queueTarget.compareTo(MIN_QUEUE_TARGET) >= 0 && queueTarget.compareTo(MAX_QUEUE_TARGET) <= 0,
                "queueTarget", DatabaseTimeouts.text(MIN_QUEUE_TARGET) + " to " + DatabaseTimeouts.text(MAX_QUEUE_TARGET));
        ParameterException.require(queueInterval.compareTo(queueTarget) > 0 && queueInterval.compareTo(MAX_QUEUE_INTERVAL) <= 0,
                "queueInterval", "more than the queue target (" + DatabaseTimeouts.text(queueTarget) + ") and at most "
                        + DatabaseTimeouts.text(MAX_QUEUE_INTERVAL));
    }
}
