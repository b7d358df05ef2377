package com.plmr.mfa.bootstrap;

import io.micronaut.context.exceptions.ConfigurationException;

import java.util.List;

/**
 * How the service starts, decided from what the operator configured before anything starts. The
 * zero-set-up development run (embedded database, environment {@code dev}: development tokens,
 * keys and message sink) happens only when the operator configured nothing: no database and no
 * environment, or only {@code dev}. Any other environment without a database is a deployment that
 * forgot {@code MFA_DB_URL}, and it must not silently become a development run.
 *
 * @param environments the environments to activate besides those Micronaut reads itself
 * @param zeroSetUp    whether to start the embedded database first
 */
record StartupPlan(List<String> environments, boolean zeroSetUp) {

    static final String DATABASE_URL = "MFA_DB_URL";
    static final String DEV_ARTIFACT = "dev-launcher/target/mfa-totp-dev.jar";

    StartupPlan {
        environments = List.copyOf(environments);
    }

    /**
     * @param explicitEnvironments the environments the operator named ({@code MICRONAUT_ENVIRONMENTS},
     *                             {@code -Dmicronaut.environments})
     * @param databaseConfigured   whether the configuration names a database URL
     * @param embeddedAvailable    whether this artifact can start an embedded database (the development launcher)
     * @throws ConfigurationException when the start must stop, with a one-line reason naming {@value #DATABASE_URL}
     */
    static StartupPlan decide(List<String> explicitEnvironments, boolean databaseConfigured, boolean embeddedAvailable) {
        Environments.refuseDevelopmentWithProduction(explicitEnvironments);
        if (databaseConfigured) {
            return new StartupPlan(List.of(), false);
        }
        boolean nothingConfigured = explicitEnvironments.stream().allMatch(Environments.DEVELOPMENT::equals);
        if (!nothingConfigured) {
            throw new ConfigurationException("No database configured for the environments " + explicitEnvironments
                    + ": set " + DATABASE_URL + " (and MFA_DB_USER, MFA_DB_PASSWORD) to your MySQL database, e.g."
                    + " jdbc:mysql://db.example.com:3306/mfa; an embedded database starts only for the zero-set-up"
                    + " development run, with no environment configured");
        }
        if (!embeddedAvailable) {
            throw new ConfigurationException("No database configured: set " + DATABASE_URL
                    + " (and MFA_DB_USER, MFA_DB_PASSWORD) to your MySQL database, e.g. jdbc:mysql://db.example.com:3306/mfa."
                    + " This is the production artifact; the zero-set-up development run with an embedded MariaDB is "
                    + "java -jar " + DEV_ARTIFACT);
        }
        return new StartupPlan(List.of(Environments.DEVELOPMENT), true);
    }
}
