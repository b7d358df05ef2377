package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.micronaut.core.annotation.Nullable;

import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service's logging configuration, built in code rather than read from XML: reading a
 * {@code logback.xml} takes logback's whole XML machinery and the JDK's parser, several hundred
 * classes loaded at every start. Logback finds it through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator} before its own XML search, and
 * Micronaut's logback integration uses it again when it reconfigures logback for
 * {@code logger.levels.*} properties.
 *
 * <p>One line per event on standard output, in the format {@code MFA_LOG_FORMAT} names
 * ({@link LogLineEncoder}), at the {@linkplain #LEVELS levels} below; an operator changes a
 * logger's level with Micronaut's {@code logger.levels.<logger>} (the variable
 * {@code LOGGER_LEVELS_MFA_ACCESS=WARN} turns the access log off). An XML configuration, when one
 * is given, takes precedence as it would without this class: {@code -Dlogback.configurationFile},
 * or a {@code logback-test.xml} or {@code logback.xml} on the classpath (the tests' own).
 */
public final class LoggingConfiguration extends ContextAwareBase implements Configurator {

    /** The variable (or system property) naming the format: {@code plain} (the default) or {@code json}. */
    static final String FORMAT = "MFA_LOG_FORMAT";
    /** The name of the appender writing to standard output. */
    static final String CONSOLE = "STDOUT";
    /** The plain line: date, time and zone offset first. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} requestId=%X{requestId:--} - %msg%n";
    /** The levels of the service's loggers, the root last. */
    static final Map<String, Level> LEVELS = levels();

    private static Map<String, Level> levels() {
        Map<String, Level> levels = new LinkedHashMap<>();
        // Liquibase's progress (one INFO line per step and changeset) and its console, see LibraryLogging
        levels.put("liquibase", Level.WARN);
        levels.put("ch.vorburger", Level.WARN);
        levels.put("com.zaxxer.hikari", Level.WARN);
        // the start-up says what it does in its own lines (StartupProgress): no banner, no framework lines twice
        levels.put("io.micronaut.runtime.Micronaut", Level.WARN);
        levels.put("io.micronaut.context.DefaultApplicationContext$RuntimeConfiguredEnvironment", Level.WARN);
        levels.put("io.micronaut.liquibase", Level.WARN);
        // an unexpected failure is logged once, with its stack trace and under its request's id, by the
        // error model (ApiErrorResponseProcessor): Micronaut's own line of it would say it twice
        levels.put("io.micronaut.http.server.RouteExecutor", Level.OFF);
        // one line per HTTP request (AccessLog); WARN switches it off
        levels.put("mfa.access", Level.INFO);
        // one line per recorded decision (AuditLogLine); WARN switches it off, the audit_event rows stay
        levels.put("mfa.audit", Level.INFO);
        levels.put(Logger.ROOT_LOGGER_NAME, Level.INFO);
        return Collections.unmodifiableMap(levels);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        GivenXml xml = new GivenXml(context);
        Optional<URL> given = xml.find();
        if (given.isPresent()) {
            xml.apply(given.get());
        } else {
            configure(context, Optional.ofNullable(System.getProperty(FORMAT)).orElseGet(() -> System.getenv(FORMAT)));
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code context} as the service logs: the console in {@code format} ({@code plain} when unset), the levels. */
    static void configure(LoggerContext context, @Nullable String format) {
        LogLineEncoder encoder = new LogLineEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE);
        console.setEncoder(encoder);
        console.start();
        LEVELS.forEach((logger, level) -> context.getLogger(logger).setLevel(level));
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
    }

    /** Logback's own search for an XML configuration, and its reading of the one found. */
    private static final class GivenXml extends DefaultJoranConfigurator {

        GivenXml(LoggerContext context) {
            setContext(context);
        }

        /** The system property's file, else {@code logback-test.xml}, else {@code logback.xml} on the classpath. */
        Optional<URL> find() {
            return Optional.ofNullable(performMultiStepConfigurationFileSearch(true));
        }

        void apply(URL configuration) {
            try {
                configureByResource(configuration);
            } catch (JoranException e) {
                addError("The logging configuration " + configuration + " could not be read", e);
            }
        }
    }
}
