package com.plmr.mfa.bootstrap;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test environment's clock: tests move it instead of waiting for time to pass. It starts at
 * {@value #DEFAULT_START} unless the system property {@code mfa.test.clock} names another instant,
 * so the whole suite can be run with the service's time far from the wall clock
 * ({@code ./mvnw verify -Dmfa.test.clock=2099-01-01T00:00:00Z}): nothing may depend on the two agreeing.
 */
@Singleton
@Requires(env = "test")
@Replaces(bean = Clock.class, factory = ServiceFactory.class)
class TestClock extends Clock {

    static final String DEFAULT_START = "2026-11-23T10:00:00Z";

    private final AtomicReference<Instant> now =
            new AtomicReference<>(Instant.parse(System.getProperty("mfa.test.clock", DEFAULT_START)));

    void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
