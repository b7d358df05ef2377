package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Routes what this adapter's libraries say outside SLF4J into the service's log before any
 * application context starts (the service's, the development launcher's and every test's), so that
 * the levels of the logging configuration ({@code logback.xml}) govern it:
 * <ul>
 *   <li>{@code java.util.logging}, which Liquibase logs through, via the jul-to-slf4j bridge;
 *       {@code logback.xml}'s {@code LevelChangePropagator} copies the levels to
 *       {@code java.util.logging}, so records below them are not even created;</li>
 *   <li>Liquibase's console ({@code Running Changeset: ...}, the update summary, the database's
 *       SQL warnings), which it prints to standard output unless its scope names another UI
 *       service: here its {@link LoggerUIService}, whose messages go to the {@code liquibase.ui}
 *       logger (errors at ERROR).</li>
 * </ul>
 * The Liquibase scope is entered once and never left: it is the root of every migration this
 * process runs.
 */
@ContextConfigurer
public final class LibraryLogging implements ApplicationContextConfigurer {

    private static final AtomicBoolean ROUTED = new AtomicBoolean();

    @Override
    public void configure(ApplicationContextBuilder builder) {
        route();
    }

    static void route() {
        if (!ROUTED.compareAndSet(false, true)) {
            return;
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
