package com.plmr.mfa.bootstrap;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the service. Without a configured database ({@code MFA_DB_URL} or
 * {@code datasources.default.url}) it first starts an embedded MariaDB under {@code .mfa-dev/}
 * and runs in the {@code dev} environment: development keys, the development message sink and
 * development tokens are allowed there and nowhere else.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        boolean embedded = EmbeddedDatabase.startIfUnconfigured();
        var builder = Micronaut.build(args).mainClass(Application.class);
        if (embedded) {
            builder.environments("dev");
        }
        builder.start();
    }
}
