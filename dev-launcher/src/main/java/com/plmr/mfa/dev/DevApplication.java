package com.plmr.mfa.dev;

import com.plmr.mfa.bootstrap.Application;
import com.plmr.mfa.embedded.EmbeddedMariaDb;

/**
 * The development launcher ({@code mfa-totp-dev.jar}): the same service as the production
 * artifact, with an embedded MariaDB on its classpath. With nothing configured it starts the
 * zero-set-up development run on that database; configured like production, it runs like
 * production and never starts the embedded database (see {@code StartupPlan}).
 */
public final class DevApplication {

    private DevApplication() {
    }

    public static void main(String[] args) {
        Application.run(args, EmbeddedMariaDb::start);
    }
}
