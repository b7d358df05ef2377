package com.plmr.mfa.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts the service. This is the production artifact's entry point ({@code mfa-totp.jar}): it
 * needs a database ({@code MFA_DB_URL}) and refuses to start without one. The development
 * launcher ({@code mfa-totp-dev.jar}) calls {@link #run} with an embedded database, which starts
 * only when the operator configured nothing (see {@link StartupPlan}).
 *
 * <p>A configuration the service refuses (a missing database, {@code dev} with {@code prod}, a
 * setting out of its range) stops the start with one line per problem and exit status
 * {@value #CONFIGURATION_REFUSED} ({@code EX_CONFIG} of sysexits.h), without a stack trace.
 */
public final class Application {

    /** Exit status of a refused configuration; other start failures exit with 1. */
    public static final int CONFIGURATION_REFUSED = 78;
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final Duration EMBEDDED_FIRST_CONNECTION = Duration.ofMinutes(1);
    /** The longest a start waits for another instance's migration before it goes on under Liquibase's lock alone. */
    private static final Duration MIGRATION_LOCK_WAIT = Duration.ofMinutes(5);

    private Application() {
    }

    public static void main(String[] args) {
        run(args, null);
    }

    /**
     * Starts the service.
     *
     * @param embedded the database to start when nothing is configured; {@code null} in production
     */
    public static void run(String[] args, @Nullable EmbeddedDatabase embedded) {
        Launch micronaut = new Launch(args);
        StartupPlan plan;
        Migration migration;
        Configured configured;
        try {
            List<String> explicit = explicitEnvironments();
            configured = Configured.of(micronaut.environment());
            plan = StartupPlan.decide(explicit, configured.database(), embedded != null);
            // a value out of range is refused by ConfigurationCheck, first thing at start and before any migration
            migration = Migration.of(configured.migration()).orElse(Migration.APPLY);
        } catch (ConfigurationException refused) {
            refuse(List.of(refused.getMessage()));
            return;
        }
        if (plan.zeroSetUp()) {
            LOG.info("Nothing configured: zero-set-up development run (embedded MariaDB, environment dev with"
                    + " development tokens, keys and message sink)");
            Path directory = Path.of(Optional.ofNullable(System.getenv("MFA_DEV_DIR")).orElse(".mfa-dev"))
                    .toAbsolutePath().resolve("mariadb");
            // the environments a context activates are fixed when it is built: the development run builds its own
            micronaut.close();
            micronaut = new Launch(args);
            micronaut.environments(plan.environments().toArray(String[]::new));
            // the embedded database has only just started: on a busy laptop its first handshakes can
            // take longer than a connection's timeout, so the pool keeps trying for a minute at start
            micronaut.properties(Map.of("datasources.default.url", embedded.start(directory),
                    "datasources.default.username", "root", "datasources.default.password", "",
                    "datasources.default.initialization-fail-timeout", EMBEDDED_FIRST_CONNECTION.toMillis()));
        }
        Optional<MigrationLock> lock = Optional.empty();
        if (migration != Migration.SKIP && configured.database()) {
            if (migration == Migration.APPLY && configured.upToDate()) {
                migration = Migration.SKIP;
            } else {
                lock = MigrationLock.acquire(configured.url(), configured.user(), configured.password(),
                        MIGRATION_LOCK_WAIT);
                // another instance may have migrated the schema while this one waited for the lock
                if (migration == Migration.APPLY && lock.isPresent() && configured.upToDate()) {
                    migration = Migration.SKIP;
                    lock.get().close();
                    lock = Optional.empty();
                }
            }
        }
        micronaut.properties(migration.properties());
        try {
            if (migration == Migration.ONLY) {
                migrateOnly(micronaut);
            } else {
                micronaut.start();
            }
        } finally {
            // held until this start has migrated and serves (a failed start exits, which lets go of it too)
            lock.ifPresent(MigrationLock::close);
        }
    }

    /**
     * Starts the application context without the HTTP server and the outbox dispatcher: the
     * configuration check and the migration of the data source run as in a normal start. Exits 0
     * once the schema is migrated, 78 on a refused configuration and 1 on any other failure.
     */
    private static void migrateOnly(Micronaut micronaut) {
        try (ApplicationContext context = micronaut.build()) {
            context.start();
            context.getBean(DataSource.class);
            LOG.info("Schema migrations applied; exiting without serving ({}=only)", "MFA_DB_MIGRATION");
        } catch (RuntimeException failure) {
            ConfigurationRefusedException.problemsOf(failure).ifPresent(Application::refuse);
            LOG.error("Schema migration failed", failure);
            System.exit(1);
        }
        System.exit(0);
    }

    /** The environments the operator named, as Micronaut reads them: the variable and the system property. */
    private static List<String> explicitEnvironments() {
        return Stream.of(System.getenv("MICRONAUT_ENVIRONMENTS"), System.getProperty("micronaut.environments"))
                .filter(names -> names != null && !names.isBlank())
                .flatMap(names -> Arrays.stream(names.split(",")))
                .map(String::trim).filter(name -> !name.isEmpty()).distinct().toList();
    }

    /**
     * @param database  whether a database URL is configured
     * @param url       the database URL, user and password as configured (for {@link SchemaCheck#upToDate})
     * @param migration the value of {@code MFA_DB_MIGRATION}, as given
     */
    private record Configured(boolean database, String url, String user, String password, String migration) {

        /** Whether the schema holds every changeset of this release ({@link SchemaCheck#upToDate}). */
        boolean upToDate() {
            return SchemaCheck.upToDate(url, user, password);
        }

        /** What the configuration, read as the service will read it, says before anything starts. */
        static Configured of(Environment environment) {
            String url = environment.getProperty("datasources.default.url", String.class).orElse("");
            return new Configured(!url.isBlank(), url,
                    environment.getProperty("datasources.default.username", String.class).orElse(""),
                    environment.getProperty("datasources.default.password", String.class).orElse(""),
                    environment.getProperty(Migration.PROPERTY, String.class).orElse(Migration.APPLY.value()));
        }

        @Override
        public String toString() {
            return "Configured[database=" + database + ", migration=" + migration + "]";
        }
    }

    private static void refuse(List<String> problems) {
        problems.forEach(problem -> LOG.error("Configuration refused: {}", problem.replaceAll("\\s+", " ")));
        System.exit(CONFIGURATION_REFUSED);
    }

    /**
     * Micronaut's start, whose failures caused by configuration end in one line each rather than a
     * stack trace. The settings that decide how the service starts are read from the environment of
     * the very context that then starts: a second context only to read them would cost about a
     * third of the start.
     */
    private static final class Launch extends Micronaut {

        private @Nullable ApplicationContext built;

        Launch(String[] args) {
            args(args).mainClass(Application.class).banner(false);
        }

        /** The started environment of the context {@link #start} and {@link #build} will use. */
        Environment environment() {
            if (built == null) {
                built = build();
            }
            return built.getEnvironment().start();
        }

        /**
         * Properties set after {@link #environment} still reach the context: {@link #build} adds
         * them to its running environment, where they take effect at once.
         */
        @Override
        protected ApplicationContext newApplicationContext() {
            return built != null ? built : super.newApplicationContext();
        }

        /** Lets go of a context that will not start. */
        void close() {
            if (built != null) {
                built.close();
                built = null;
            }
        }

        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            Optional<List<String>> problems = ConfigurationRefusedException.problemsOf(exception);
            if (problems.isPresent()) {
                refuse(problems.get());
            }
            super.handleStartupException(environment, exception);
        }
    }
}
