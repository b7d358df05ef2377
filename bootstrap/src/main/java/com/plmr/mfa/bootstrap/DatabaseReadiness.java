package com.plmr.mfa.bootstrap;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness of the database (also part of {@code /health}; liveness never asks it): whether the
 * database answers a ping within the connection timeout. The probe has a connection of its own,
 * outside the pool, so a busy pool never makes an instance look unready, and it runs on a thread
 * of its own: an answer never waits longer than the timeout, and while one probe hangs on a
 * silent database the next checks report DOWN at their timeout instead of piling up probes. The
 * stock JDBC indicator, which waits on the pool, is switched off.
 */
@Singleton
@Readiness
class DatabaseReadiness implements HealthIndicator {

    static final String NAME = "database";
    private final DatasourceConfiguration pool;
    private final Duration timeout;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private Connection connection;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    DatabaseReadiness(DatasourceConfiguration pool, DatabaseTimeouts timeouts) {
        this.pool = pool;
        this.timeout = timeouts.connectionTimeout();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(probe().copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, failure) -> failure == null
                        ? HealthResult.builder(NAME, HealthStatus.UP).build()
                        : HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error",
                        failure instanceof TimeoutException ? "no answer within " + timeout : "unreachable")).build()));
    }

    /** The probe in flight, or a new one when none is. */
    private synchronized CompletableFuture<Void> probe() {
        if (running.isDone()) {
            running = CompletableFuture.runAsync(this::ping, probes);
        }
        return running;
    }

    /** Runs on the probe thread only. */
    private void ping() {
        try {
            int seconds = (int) Math.max(1, timeout.toSeconds());
            if (connection != null && connection.isValid(seconds)) {
                return;
            }
            close();
            connection = DriverManager.getConnection(pool.getJdbcUrl(), properties());
            if (!connection.isValid(seconds)) {
                throw new SQLException("the database did not answer a ping", "08000");
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException(e);
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        return properties;
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection may not close cleanly; it is dropped either way
            }
            connection = null;
        }
    }

    @PreDestroy
    void stop() {
        probes.execute(this::close);
        probes.shutdown();
    }
}
