package com.plmr.mfa.bootstrap;

import java.util.Map;

/** Opens the test run's database to tests of other packages (the adapters' integration tests). */
public final class TestDatabaseAccess {

    private TestDatabaseAccess() {
    }

    public static Map<String, String> properties() {
        return TestDatabase.properties();
    }

    public static String url() {
        return TestDatabase.url();
    }

    /** A schema of its own, for tests whose claims must see no other test class's outbox messages. */
    public static Map<String, String> isolatedProperties() {
        return TestDatabase.isolatedProperties();
    }
}
