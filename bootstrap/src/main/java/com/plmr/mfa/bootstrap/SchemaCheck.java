package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.PersistenceSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.jdbc.DataSourceResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * With {@code MFA_DB_MIGRATION=skip}, refuses to serve on a schema that lacks a changeset of this
 * release (the init job or pipeline step that runs {@code only} did not run, or ran an older
 * release): the start stops with one line naming the missing changesets, instead of the first
 * request that needs a new column failing. It only reads Liquibase's table, so the serving
 * database user needs no DDL rights. With the default {@code apply}, {@link #upToDate} lets a start
 * on a schema that already holds every changeset of this release skip Liquibase altogether.
 */
@Context
@Requires(property = Migration.PROPERTY, value = "skip")
final class SchemaCheck {

    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"");
    /** SQLSTATE of MySQL's and MariaDB's "table doesn't exist": a schema Liquibase never ran on. */
    private static final String NO_SUCH_TABLE = "42S02";
    private static final Pattern CHANGESET = Pattern.compile("(?m)^--changeset\\s+[^:\\s]+:(\\S+)");

    /** @param resolver the pool behind the data source bean, whose connections need no surrounding transaction */
    SchemaCheck(DataSource dataSource, DataSourceResolver resolver) {
        Set<String> missing = new LinkedHashSet<>(changesetsOfThisRelease());
        missing.removeAll(applied(resolver.resolve(dataSource)));
        if (!missing.isEmpty()) {
            throw new ConfigurationRefusedException(List.of("MFA_DB_MIGRATION=skip, but the schema lacks the changesets "
                    + missing + " of this release: run the release with MFA_DB_MIGRATION=only first"));
        }
    }

    /** The ids of the changesets the changelog of this release holds, in order. */
    static List<String> changesetsOfThisRelease() {
        List<String> ids = new ArrayList<>();
        Matcher include = INCLUDE.matcher(resource(PersistenceSettings.CHANGELOG));
        while (include.find()) {
            Matcher changeset = CHANGESET.matcher(resource(include.group(1)));
            while (changeset.find()) {
                ids.add(changeset.group(1));
            }
        }
        return ids;
    }

    /**
     * Whether the schema at {@code url} holds every changeset of this release, read with one query
     * on a connection of its own before the service starts; {@code false} when it cannot tell (no
     * connection, no changelog table). Skipping the migration then is safe on any number of
     * instances starting at once: the check only reads, and answers {@code true} only when
     * Liquibase would find nothing to apply; any other start migrates under Liquibase's lock.
     */
    static boolean upToDate(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2000");
        properties.setProperty("socketTimeout", "10000");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return applied(connection).containsAll(changesetsOfThisRelease());
        } catch (SQLException | IllegalStateException e) {
            return false;
        }
    }

    private static Set<String> applied(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return applied(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the schema's changelog could not be read", e);
        }
    }

    private static Set<String> applied(Connection connection) {
        Set<String> ids = new HashSet<>();
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT ID FROM DATABASECHANGELOG")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            if (NO_SUCH_TABLE.equals(e.getSQLState())) {
                return ids;
            }
            throw new IllegalStateException("the schema's changelog could not be read", e);
        }
        return ids;
    }

    private static String resource(String path) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
