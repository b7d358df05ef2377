package com.plmr.mfa.bootstrap;

import com.plmr.mfa.domain.ParameterException;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How long anything waits for the database ({@code mfa.database.*}), applied to the connection
 * pool and the JDBC driver before the pool starts. A request waits at most
 * {@code connection-timeout} for a pooled connection (then it answers 503) and a new connection
 * at most as long to be made; a statement waits at most {@code socket-timeout} for an answer, so a
 * database that stops answering without closing its connections cannot hold a request for ever
 * (it stays above InnoDB's lock wait timeout, so waiting for a row lock is not mistaken for that).
 * The pool checks a connection it hands out within half the connection timeout.
 */
@Singleton
final class DatabaseTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(500);
    static final Duration MAX_CONNECTION_TIMEOUT = Duration.ofSeconds(60);
    static final Duration MIN_SOCKET_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_SOCKET_TIMEOUT = Duration.ofHours(1);

    private final Duration connectionTimeout;
    private final Duration socketTimeout;

    DatabaseTimeouts(@Value("${mfa.database.connection-timeout:2s}") Duration connectionTimeout,
                     @Value("${mfa.database.socket-timeout:60s}") Duration socketTimeout) {
        this.connectionTimeout = within("connectionTimeout", connectionTimeout, MIN_CONNECTION_TIMEOUT,
                MAX_CONNECTION_TIMEOUT);
        this.socketTimeout = within("socketTimeout", socketTimeout, MIN_SOCKET_TIMEOUT, MAX_SOCKET_TIMEOUT);
    }

    private static Duration within(String parameter, Duration value, Duration min, Duration max) {
        ParameterException.require(value.compareTo(min) >= 0 && value.compareTo(max) <= 0, parameter,
                text(min) + " to " + text(max));
        return value;
    }

    /** A duration as it is configured: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0 || millis == 0) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    Duration connectionTimeout() {
        return connectionTimeout;
    }

    Duration socketTimeout() {
        return socketTimeout;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration pool = event.getBean();
        pool.setConnectionTimeout(connectionTimeout.toMillis());
        pool.setValidationTimeout(Math.max(250, connectionTimeout.toMillis() / 2));
        pool.addDataSourceProperty("connectTimeout", Long.toString(connectionTimeout.toMillis()));
        pool.addDataSourceProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
        return pool;
    }
}
