package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * An integration test of this adapter on the real MySQL-compatible server: the class gets a schema
 * of its own, which Liquibase migrates when the data source starts, and the adapter's beans as the
 * service has them, with the sealer of {@link TestSealerFactory}. The concrete class carries
 * {@code @MicronautTest(transactional = false, startApplication = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTest implements TestPropertyProvider {

    private final Map<String, String> database = TestDatabase.isolatedProperties();

    @Override
    public Map<String, String> getProperties() {
        return database;
    }

    /** A connection of the test's own to the class's schema, outside the adapter's pool and transactions. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.get("datasources.default.url"), "root", "");
    }
}
