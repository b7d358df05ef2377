package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What some loggers write while a test runs, recorded in memory and kept off the build's console:
 * each recorded logger gets the level asked for, passes nothing on to its parents and writes to
 * none of its own appenders (the root's console) while recording; levels, additivity and appenders
 * are restored afterwards. An event is prepared when it is
 * logged, so its MDC is the one of that moment, as the console would print it.
 *
 * <p>As an instance field with {@code @RegisterExtension} it records around each test;
 * {@link #start()} and {@link #close()} record around anything else (a part of a test, all tests of
 * a class).
 */
final class RecordedLog implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<String, Level> recorded = new LinkedHashMap<>();
    private final Map<String, Level> levelsOnly = new LinkedHashMap<>();
    private final Map<String, Level> previousLevels = new LinkedHashMap<>();
    private final Map<String, Boolean> previousAdditivity = new LinkedHashMap<>();
    /** A recorded logger's own appenders (the root's console), detached while recording. */
    private final Map<String, List<Appender<ILoggingEvent>>> detached = new LinkedHashMap<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    private RecordedLog() {
    }

    /** Records {@code logger} (with its descendants) from {@code level} up. */
    static RecordedLog of(String logger, Level level) {
        return new RecordedLog().and(logger, level);
    }

    static RecordedLog of(Class<?> logger, Level level) {
        return of(logger.getName(), level);
    }

    /**
     * The lines of a request that failed unexpectedly, each with its stack trace: the framework's
     * and the error model's, both at ERROR.
     */
    static RecordedLog unexpectedFailures() {
        return of("io.micronaut.http.server.RouteExecutor", Level.ERROR).and("com.plmr.mfa.adapter.in.rest", Level.ERROR);
    }

    /** Records another logger into the same list. */
    RecordedLog and(String logger, Level level) {
        recorded.put(logger, level);
        return this;
    }

    /** Sets a logger's level while recording, without recording it on its own. */
    RecordedLog withLevel(String logger, Level level) {
        levelsOnly.put(logger, level);
        return this;
    }

    RecordedLog start() {
        appender.list.clear();
        appender.setContext(logging);
        appender.start();
        levelsOnly.forEach(this::setLevel);
        recorded.forEach((name, level) -> {
            Logger logger = setLevel(name, level);
            previousAdditivity.put(name, logger.isAdditive());
            logger.setAdditive(false);
            List<Appender<ILoggingEvent>> own = new ArrayList<>();
            logger.iteratorForAppenders().forEachRemaining(own::add);
            own.forEach(logger::detachAppender);
            detached.put(name, own);
            logger.addAppender(appender);
        });
        return this;
    }

    private Logger setLevel(String name, Level level) {
        Logger logger = logging.getLogger(name);
        previousLevels.putIfAbsent(name, logger.getLevel());
        logger.setLevel(level);
        return logger;
    }

    @Override
    public void close() {
        recorded.keySet().forEach(name -> {
            Logger logger = logging.getLogger(name);
            logger.detachAppender(appender);
            detached.getOrDefault(name, List.of()).forEach(logger::addAppender);
            logger.setAdditive(previousAdditivity.getOrDefault(name, true));
        });
        detached.clear();
        previousLevels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
        previousLevels.clear();
        previousAdditivity.clear();
        appender.stop();
    }

    /** The events recorded so far, oldest first. */
    List<ILoggingEvent> events() {
        return new ArrayList<>(appender.list);
    }

    /** The formatted messages of the events recorded so far, oldest first. */
    List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
