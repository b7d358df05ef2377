package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code MFA_DB_MIGRATION} as an operator uses it, on fresh schemas of the test server: {@code only}
 * migrates and exits 0 without serving (an init job), {@code skip} serves without touching the
 * schema and refuses one that lacks a changeset of this release, and the default migrates and serves,
 * and leaves Liquibase out of a start on a schema that already holds every changeset.
 */
class MigrationModesTest {

    private static final String NOTHING_TO_MIGRATE = "the schema holds every changeset of this release, nothing to migrate";

    @TempDir
    Path workingDirectory;

    private ServiceProcess service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void only_applies_every_changeset_and_exits_0_without_serving() throws Exception {
        String url = TestDatabase.isolatedProperties().get("datasources.default.url");
        service = ServiceProcess.start(workingDirectory, url, Map.of("MFA_DB_MIGRATION", "only"));

        List<String> console = service.readUntil(line -> false);

        assertThat(service.exitStatus()).hasValue(0);
        assertThat(console).anyMatch(line -> line.contains("Schema migrations applied; exiting without serving"))
                .noneMatch(line -> line.contains(ServiceProcess.STARTED) || line.contains("Exception"));
        assertThat(appliedChangesets(url)).isNotEmpty().contains("007-outbox-request-id");
    }

    @Test
    void skip_serves_on_a_migrated_schema_without_migrating_it() throws Exception {
        String url = TestDatabase.isolatedProperties().get("datasources.default.url");
        try (ServiceProcess migration = ServiceProcess.start(workingDirectory, url, Map.of("MFA_DB_MIGRATION", "only"))) {
            migration.readUntil(line -> false);
            assertThat(migration.exitStatus()).hasValue(0);
        }
        List<String> before = appliedChangesets(url);
        service = ServiceProcess.start(workingDirectory, url, Map.of("MFA_DB_MIGRATION", "skip"));

        List<String> console = service.readStart();

        assertThat(console).anyMatch(line -> line.contains("not migrating the schema (MFA_DB_MIGRATION=skip)"))
                .anyMatch(line -> line.contains(ServiceProcess.STARTED));
        assertThat(appliedChangesets(url)).isEqualTo(before).containsExactlyElementsOf(SchemaCheck.changesetsOfThisRelease());
    }

    @Test
    void the_default_migrates_a_schema_once_and_leaves_liquibase_out_of_later_starts() throws Exception {
        String url = TestDatabase.isolatedProperties().get("datasources.default.url");
        service = ServiceProcess.start(workingDirectory, url, Map.of());
        assertThat(service.readStart()).noneMatch(line -> line.contains(NOTHING_TO_MIGRATE))
                .anyMatch(line -> line.contains(ServiceProcess.STARTED));
        service.close();
        assertThat(appliedChangesets(url)).containsExactlyElementsOf(SchemaCheck.changesetsOfThisRelease());
        execute(url, "DROP TABLE DATABASECHANGELOGLOCK");

        service = ServiceProcess.start(workingDirectory, url, Map.of());

        assertThat(service.readStart()).anyMatch(line -> line.contains(NOTHING_TO_MIGRATE))
                .anyMatch(line -> line.contains(ServiceProcess.STARTED));
        assertThat(tables(url)).as("Liquibase, which creates its lock table first, did not run")
                .doesNotContain("DATABASECHANGELOGLOCK");
    }

    @Test
    void two_instances_starting_at_once_on_a_migrated_schema_both_serve_without_migrating() throws Exception {
        String url = TestDatabase.isolatedProperties().get("datasources.default.url");
        try (ServiceProcess migration = ServiceProcess.start(workingDirectory, url, Map.of("MFA_DB_MIGRATION", "only"))) {
            migration.readUntil(line -> false);
            assertThat(migration.exitStatus()).hasValue(0);
        }
        execute(url, "DROP TABLE DATABASECHANGELOGLOCK");
        service = ServiceProcess.start(Files.createDirectories(workingDirectory.resolve("first")), url, Map.of());
        try (ServiceProcess second = ServiceProcess.start(Files.createDirectories(workingDirectory.resolve("second")),
                url, Map.of())) {

            assertThat(service.readStart()).anyMatch(line -> line.contains(NOTHING_TO_MIGRATE))
                    .anyMatch(line -> line.contains(ServiceProcess.STARTED));
            assertThat(second.readStart()).anyMatch(line -> line.contains(NOTHING_TO_MIGRATE))
                    .anyMatch(line -> line.contains(ServiceProcess.STARTED));
        }
        assertThat(tables(url)).doesNotContain("DATABASECHANGELOGLOCK");
        assertThat(appliedChangesets(url)).containsExactlyElementsOf(SchemaCheck.changesetsOfThisRelease());
    }

    @Test
    void skip_refuses_a_schema_that_lacks_changesets_of_this_release_and_touches_nothing() throws Exception {
        String url = TestDatabase.isolatedProperties().get("datasources.default.url");
        service = ServiceProcess.start(workingDirectory, url, Map.of("MFA_DB_MIGRATION", "skip"));

        List<String> console = service.readUntil(line -> false);

        assertThat(service.exitStatus()).hasValue(Application.CONFIGURATION_REFUSED);
        assertThat(console).anyMatch(line -> line.contains("MFA_DB_MIGRATION=skip, but the schema lacks the changesets ["
                + String.join(", ", SchemaCheck.changesetsOfThisRelease()) + "] of this release"));
        assertThat(tables(url)).isEmpty();
    }

    @Test
    void a_mode_the_service_does_not_know_stops_the_start_with_status_78_before_any_migration() throws Exception {
        String url = TestDatabase.isolatedProperties().get("datasources.default.url");
        service = ServiceProcess.start(workingDirectory, url, Map.of("MFA_DB_MIGRATION", "later"));

        List<String> console = service.readUntil(line -> false);

        assertThat(service.exitStatus()).hasValue(Application.CONFIGURATION_REFUSED);
        assertThat(console).anyMatch(line -> line.contains(
                "MFA_DB_MIGRATION=later (mfa.database.migration) must be apply, only or skip"));
        assertThat(tables(url)).isEmpty();
    }

    private static void execute(String url, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", "")) {
            connection.createStatement().execute(statement);
        }
    }

    private static List<String> appliedChangesets(String url) throws SQLException {
        return strings(url, "SELECT id FROM DATABASECHANGELOG ORDER BY orderexecuted");
    }

    private static List<String> tables(String url) throws SQLException {
        return strings(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
    }

    private static List<String> strings(String url, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             ResultSet result = connection.createStatement().executeQuery(query)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
