package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database timeouts reach the pool and the driver, and values out of range stop the start. */
class DatabaseTimeoutsTest {

    @Test
    void the_pool_and_the_driver_get_the_configured_bounds() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("mfa.database.connection-timeout", "3s");
        properties.put("mfa.database.socket-timeout", "7s");

        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            DatasourceConfiguration pool = context.getBean(DatasourceConfiguration.class);

            assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
            assertThat(pool.getValidationTimeout()).isEqualTo(1_500);
            assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "3000")
                    .containsEntry("socketTimeout", "7000");
        }
    }

    @Test
    void a_timeout_out_of_range_is_refused_with_its_range() {
        assertThatThrownBy(() -> new DatabaseTimeouts(Duration.ofMinutes(5), Duration.ofSeconds(10)))
                .hasMessage("connectionTimeout must be 500ms to 1m");
        assertThatThrownBy(() -> new DatabaseTimeouts(Duration.ofSeconds(2), Duration.ZERO))
                .hasMessage("socketTimeout must be 1s to 1h");
    }
}
