package com.plmr.mfa.adapter.out.persistence;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.liquibase.LiquibaseConfigurationProperties;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A context that names only where the database is gets the driver, dialect, session time zone,
 * statement preparation and changelog this adapter needs, as the driver applies them on a
 * connection, and a context that names one of them itself keeps its own.
 */
class PersistenceSettingsTest {

    @Test
    void a_context_that_names_only_the_database_gets_what_the_adapter_needs() throws SQLException {
        Map<String, Object> properties = new HashMap<>(TestDatabase.isolatedProperties());

        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            DatasourceConfiguration pool = context.getBean(DatasourceConfiguration.class);

            assertThat(pool.getDriverClassName()).isEqualTo("com.mysql.cj.jdbc.Driver");
            assertThat(context.getProperty("datasources.default.dialect", String.class)).contains("MYSQL");
            assertThat(pool.getTransactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
            assertThat(pool.isAutoCommit()).isFalse();
            assertThat(context.getBean(LiquibaseConfigurationProperties.class).getChangeLog())
                    .isEqualTo("classpath:" + PersistenceSettings.CHANGELOG);
            try (Connection connection = context.getBean(DataSource.class).unwrap(HikariDataSource.class).getConnection()) {
                JdbcConnection driver = connection.unwrap(JdbcConnection.class);
                assertThat(driver.getPropertySet().getStringProperty(PropertyKey.connectionTimeZone).getValue())
                        .isEqualTo("UTC");
                assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.preserveInstants).getValue()).isTrue();
                assertThat(sessionValue(connection, "@@session.time_zone")).as("the session's time zone")
                        .isEqualTo("+00:00");
                assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.useServerPrepStmts).getValue()).isTrue();
                assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.cachePrepStmts).getValue()).isTrue();
                assertThat(driver.getPropertySet().getIntegerProperty(PropertyKey.prepStmtCacheSize).getValue())
                        .isEqualTo(250);
            }
        }
    }

    @Test
    void a_driver_property_given_as_a_boolean_or_a_number_reaches_the_driver() throws SQLException {
        Map<String, Object> properties = new HashMap<>(TestDatabase.isolatedProperties());
        properties.put("datasources.default.data-source-properties.useServerPrepStmts", false);
        properties.put("datasources.default.data-source-properties.prepStmtCacheSize", 17);

        try (ApplicationContext context = ApplicationContext.run(properties, "test");
             Connection connection = context.getBean(DataSource.class).unwrap(HikariDataSource.class).getConnection()) {
            JdbcConnection driver = connection.unwrap(JdbcConnection.class);
            assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.useServerPrepStmts).getValue()).isFalse();
            assertThat(driver.getPropertySet().getIntegerProperty(PropertyKey.prepStmtCacheSize).getValue())
                    .isEqualTo(17);
        }
    }

    private static String sessionValue(Connection connection, String variable) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + variable)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void a_setting_the_context_names_itself_overrides_the_adapters() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.isolatedProperties());
        properties.put("datasources.default.data-source-properties.connectionTimeZone", "SERVER");

        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            assertThat(context.getBean(DatasourceConfiguration.class).getDataSourceProperties())
                    .containsEntry("connectionTimeZone", "SERVER").containsEntry("preserveInstants", "true");
        }
    }

    @Test
    void the_changelog_is_on_the_class_path() {
        assertThat(PersistenceSettings.class.getClassLoader().getResource(PersistenceSettings.CHANGELOG)).isNotNull();
    }
}
