package com.plmr.mfa.bootstrap;

import com.plmr.mfa.domain.ParameterException;

/**
 * How much one instance serves at once: its database connections and the API requests it admits
 * (docs/operations.md, "Overload and sizing"). Checked at start; the pool and the admission filter
 * read the same settings.
 */
record ServingLimits(int poolSize, int maxConcurrentRequests) {

    static final int MAX_POOL_SIZE = 1000;
    static final int MAX_CONCURRENT_REQUESTS = 10_000;

    ServingLimits {
        ParameterException.require(poolSize >= 1 && poolSize <= MAX_POOL_SIZE, "poolSize", "1 to " + MAX_POOL_SIZE);
        ParameterException.require(maxConcurrentRequests >= 1 && maxConcurrentRequests <= MAX_CONCURRENT_REQUESTS,
                "maxConcurrentRequests", "1 to " + MAX_CONCURRENT_REQUESTS);
    }
}
