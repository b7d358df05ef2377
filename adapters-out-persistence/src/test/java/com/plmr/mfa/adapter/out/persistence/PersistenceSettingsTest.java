package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.liquibase.LiquibaseConfigurationProperties;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A context that names only where the database is gets the driver, dialect, session time zone and
 * changelog this adapter needs, and a context that names one of them itself keeps its own.
 */
class PersistenceSettingsTest {

    @Test
    void a_context_that_names_only_the_database_gets_what_the_adapter_needs() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.isolatedProperties());

        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            DatasourceConfiguration pool = context.getBean(DatasourceConfiguration.class);

            assertThat(pool.getDriverClassName()).isEqualTo("com.mysql.cj.jdbc.Driver");
            assertThat(context.getProperty("datasources.default.dialect", String.class)).contains("MYSQL");
            assertThat(pool.getDataSourceProperties()).containsEntry("connectionTimeZone", "UTC")
                    .containsEntry("forceConnectionTimeZoneToSession", true).containsEntry("preserveInstants", true);
            assertThat(pool.getTransactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
            assertThat(pool.isAutoCommit()).isFalse();
            assertThat(context.getBean(LiquibaseConfigurationProperties.class).getChangeLog())
                    .isEqualTo("classpath:" + PersistenceSettings.CHANGELOG);
        }
    }

    @Test
    void a_setting_the_context_names_itself_overrides_the_adapters() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.isolatedProperties());
        properties.put("datasources.default.data-source-properties.connectionTimeZone", "SERVER");

        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            assertThat(context.getBean(DatasourceConfiguration.class).getDataSourceProperties())
                    .containsEntry("connectionTimeZone", "SERVER").containsEntry("preserveInstants", true);
        }
    }

    @Test
    void the_changelog_is_on_the_class_path() {
        assertThat(PersistenceSettings.class.getClassLoader().getResource(PersistenceSettings.CHANGELOG)).isNotNull();
    }
}
