package com.plmr.mfa.adapter.out.persistence;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.liquibase.LiquibaseConfigurationProperties;
import jakarta.inject.Singleton;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Routes what Liquibase says outside SLF4J into the service's log, so that the levels of the
 * logging configuration govern it, the first time Liquibase is about to run in this process (its
 * configuration for a data source is created enabled, just before it migrates; a start that skips
 * the migration sets none of this up):
 * <ul>
 *   <li>{@code java.util.logging}, which Liquibase logs through, via the jul-to-slf4j bridge; the
 *       levels of logback's loggers are copied to {@code java.util.logging} from then on (logback's
 *       {@link LevelChangePropagator}, kept across a reconfiguration), so records below them are
 *       not even created;</li>
 *   <li>Liquibase's console ({@code Running Changeset: ...}, the update summary, the database's
 *       SQL warnings), which it prints to standard output unless its scope names another UI
 *       service: here its {@link LoggerUIService}, whose messages go to the {@code liquibase.ui}
 *       logger (errors at ERROR).</li>
 * </ul>
 * The Liquibase scope is entered once and never left: it is the root of every migration this
 * process runs.
 */
@Singleton
public final class LibraryLogging implements BeanCreatedEventListener<LiquibaseConfigurationProperties> {

    private static final AtomicBoolean ROUTED = new AtomicBoolean();

    @Override
    public LiquibaseConfigurationProperties onCreated(BeanCreatedEvent<LiquibaseConfigurationProperties> event) {
        if (event.getBean().isEnabled()) {
            route();
        }
        return event.getBean();
    }

    private static void route() {
        if (!ROUTED.compareAndSet(false, true)) {
            return;
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            LevelChangePropagator levels = new LevelChangePropagator() {
                @Override
                public boolean isResetResistant() {
                    return true;
                }
            };
            levels.setContext(logging);
            levels.setResetJUL(true);
            levels.start();
            logging.addListener(levels);
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        try {
            Scope.enter(Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.command.showSummaryOutput", "LOG"));
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase's console could not be routed to its logger", e);
        }
    }
}
