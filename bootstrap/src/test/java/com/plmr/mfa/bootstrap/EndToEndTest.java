package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * An end-to-end test: the whole service, started once per class on the test run's database (a
 * class that needs other settings overrides {@link #getProperties()}), reached through the
 * generated SDK ({@link #api}) and as raw HTTP ({@link #http}), with the clock the test moves.
 * The concrete class carries {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    TestClock clock;

    ApiFixture api;
    RawHttp http;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @BeforeEach
    void reachTheService() {
        api = new ApiFixture(server);
        http = new RawHttp(server);
    }
}
