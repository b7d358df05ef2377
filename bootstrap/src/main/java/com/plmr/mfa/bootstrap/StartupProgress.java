package com.plmr.mfa.bootstrap;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Says in a few lines what the start is doing, in place of the framework's banner and its own
 * lines: which database it migrates, or that there is nothing to migrate (before Liquibase runs on
 * the new data source, so a slow migration is visible), then where it listens, with the
 * environments and the time it took.
 */
@Singleton
final class StartupProgress implements BeanCreatedEventListener<DataSource>, ApplicationEventListener<ServerStartupEvent>,
        Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    /** User info and parameters of a JDBC URL may carry credentials: only scheme, host, port and schema are shown. */
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*@");
    private static final Pattern PARAMETERS = Pattern.compile("[?;].*$");
    private final Environment environment;

    StartupProgress(Environment environment) {
        this.environment = environment;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        String url = environment.getProperty("datasources.default.url", String.class).orElse("?");
        boolean skipped = environment.getProperty(Migration.PROPERTY, String.class).flatMap(Migration::of)
                .filter(Migration.SKIP::equals).isPresent();
        boolean upToDate = !environment.getProperty(Migration.LIQUIBASE_ENABLED, Boolean.class).orElse(true);
        LOG.info(skipped ? "Database {}: not migrating the schema (MFA_DB_MIGRATION=skip)"
                : upToDate ? "Database {}: the schema holds every changeset of this release, nothing to migrate"
                : "Database {}: applying the schema migrations", shown(url));
        return event.getBean();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        LOG.info("Listening on {} (environments {}), started in {} s; health at /health, API page at /api-docs",
                event.getSource().getURL(), environment.getActiveNames(), String.format(Locale.ROOT, "%.1f", seconds));
    }

    static String shown(String jdbcUrl) {
        return PARAMETERS.matcher(USER_INFO.matcher(jdbcUrl).replaceFirst("//")).replaceFirst("");
    }

    /** Before the migration runner, so the line comes before the migration rather than after it. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
