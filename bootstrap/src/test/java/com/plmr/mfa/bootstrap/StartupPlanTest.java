package com.plmr.mfa.bootstrap;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The zero-set-up development run starts only when the operator configured nothing; anything
 * else without a database stops the start naming {@code MFA_DB_URL}.
 */
class StartupPlanTest {

    @Test
    void nothing_configured_with_the_development_launcher_is_the_zero_set_up_run() {
        assertThat(StartupPlan.decide(List.of(), false, true)).isEqualTo(new StartupPlan(List.of("dev"), true));
        assertThat(StartupPlan.decide(List.of("dev"), false, true)).isEqualTo(new StartupPlan(List.of("dev"), true));
    }

    @Test
    void a_configured_database_runs_as_configured_whatever_the_artifact() {
        assertThat(StartupPlan.decide(List.of(), true, true)).isEqualTo(new StartupPlan(List.of(), false));
        assertThat(StartupPlan.decide(List.of("dev"), true, false)).isEqualTo(new StartupPlan(List.of(), false));
        assertThat(StartupPlan.decide(List.of("prod"), true, true)).isEqualTo(new StartupPlan(List.of(), false));
    }

    @Test
    void any_other_environment_without_a_database_is_refused_naming_the_database_url() {
        for (List<String> environments : List.of(List.of("prod"), List.of("staging"), List.of("dev", "k8s"))) {
            assertThatThrownBy(() -> StartupPlan.decide(environments, false, true))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("No database configured for the environments " + environments + ": set MFA_DB_URL");
        }
    }

    @Test
    void the_production_artifact_never_starts_without_a_database() {
        assertThatThrownBy(() -> StartupPlan.decide(List.of(), false, false))
                .hasMessageStartingWith("No database configured: set MFA_DB_URL")
                .hasMessageContaining("java -jar dev-launcher/target/mfa-totp-dev.jar");
    }

    @Test
    void dev_and_prod_are_refused_together_before_anything_starts() {
        assertThatThrownBy(() -> StartupPlan.decide(List.of("dev", "Production"), true, true))
                .hasMessageStartingWith("The environments [dev, production] cannot be active together");
    }
}
