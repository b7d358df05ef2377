package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.PropertySource;

import java.util.Map;

/**
 * What this adapter requires of the data source and of Liquibase, in every application context
 * that has the adapter on its class path (the service's, the development launcher's, this
 * module's tests): the MySQL driver and dialect its repositories and SQL are written for; a
 * session in UTC whose driver passes instants as they are, since every time column holds UTC;
 * connections at READ COMMITTED in manual-commit mode, which its locking and its statement counts
 * are designed for (ADR 0003; {@link OwnTransactionInterceptor} gives every call a transaction);
 * statements prepared on the server once per connection and kept there (the driver's cache of 250,
 * statements up to 2,048 characters), so each execution sends only its values and the server
 * does not parse the statement again; and the changelog that owns the schema. Where the database is, who connects and the pool's size are
 * the operator's, set in the service's {@code application.yml}.
 *
 * <p>The values are added below every configuration file, environment variable and system
 * property, so they are defaults: a start that names one of them itself overrides it.
 */
@ContextConfigurer
public final class PersistenceSettings implements ApplicationContextConfigurer {

    /** The Liquibase changelog that owns the schema, as a class path resource. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
    /** Below {@code application.yml} (and so below everything above it). */
    static final int ORDER = AbstractPropertySourceLoader.DEFAULT_POSITION - 100;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("mfa-persistence", properties(), ORDER));
    }

    static Map<String, Object> properties() {
        return Map.ofEntries(
                Map.entry("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver"),
                Map.entry("datasources.default.dialect", "MYSQL"),
                Map.entry("datasources.default.data-source-properties.connectionTimeZone", "UTC"),
                Map.entry("datasources.default.data-source-properties.forceConnectionTimeZoneToSession", true),
                Map.entry("datasources.default.data-source-properties.preserveInstants", true),
                Map.entry("datasources.default.data-source-properties.useServerPrepStmts", true),
                Map.entry("datasources.default.data-source-properties.cachePrepStmts", true),
                Map.entry("datasources.default.data-source-properties.prepStmtCacheSize", 250),
                Map.entry("datasources.default.data-source-properties.prepStmtCacheSqlLimit", 2048),
                Map.entry("datasources.default.transaction-isolation", "TRANSACTION_READ_COMMITTED"),
                Map.entry("datasources.default.auto-commit", false),
                Map.entry("liquibase.datasources.default.change-log", "classpath:" + CHANGELOG));
    }
}
