package com.plmr.mfa.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The schema's migration lock, held by the start that migrates: a named lock of the database
 * server ({@code GET_LOCK}, MySQL's and MariaDB's advisory locks, which need no privilege), named
 * after the schema, on a connection of its own that the start keeps until it serves or fails.
 * Liquibase's own lock covers the changesets but not the creation of its tables, which it does
 * first: two instances starting at once on an empty schema both tried to create them, and one
 * failed its start. Under this lock the second waits until the first has migrated and started, and
 * then finds the schema up to date. The server lets go of the lock when the connection closes,
 * so a start that dies holds no one up.
 */
final class MigrationLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    /** MySQL names a lock in at most 64 characters; a schema's name has at most 64 itself. */
    private static final String NAME = "SELECT LEFT(CONCAT('mfa-totp migration ', DATABASE()), 64)";

    private final Connection connection;
    private final String name;

    private MigrationLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /**
     * Waits at most {@code wait} for the schema's migration lock. Empty when it could not be had in
     * that time or the database could not be asked; the start then goes on under Liquibase's lock
     * alone, as it did before this one, and says so.
     */
    static Optional<MigrationLock> acquire(String url, String user, String password, Duration wait) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2000");
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url, properties);
            String name = single(connection, NAME);
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                lock.setString(1, name);
                lock.setLong(2, Math.max(0, wait.toSeconds()));
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next() && row.getInt(1) == 1) {
                        return Optional.of(new MigrationLock(connection, name));
                    }
                }
            }
            LOG.warn("The schema's migration lock was not had within {} s: migrating under Liquibase's lock alone",
                    wait.toSeconds());
        } catch (SQLException e) {
            LOG.warn("The schema's migration lock could not be asked for ({}): migrating under Liquibase's lock alone",
                    e.getMessage());
        }
        closeQuietly(connection);
        return Optional.empty();
    }

    /** The lock's name: the schema's own, so instances of other schemas on one server never wait for each other. */
    String name() {
        return name;
    }

    /** Lets go of the lock (and its connection). */
    @Override
    public void close() {
        try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            release.setString(1, name);
            release.executeQuery().close();
        } catch (SQLException e) {
            LOG.debug("The migration lock's release failed; closing its connection lets go of it", e);
        }
        closeQuietly(connection);
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the migration lock's connection failed", e);
        }
    }
}
