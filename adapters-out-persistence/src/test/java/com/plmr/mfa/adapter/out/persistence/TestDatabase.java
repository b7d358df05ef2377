package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.embedded.EmbeddedMariaDb;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database of one test run: a fresh schema on the MySQL-compatible server at 127.0.0.1:3306
 * when it answers, else on an embedded MariaDB. The schema is dropped when the JVM exits. The
 * properties name only where the schema is; the driver, the session's time zone and the changelog
 * come from {@link PersistenceSettings}, as in the service. Shared with the tests of bootstrap and
 * dev-launcher through this module's test jar.
 */
public final class TestDatabase {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static String url;

    private TestDatabase() {
    }

    public static synchronized Map<String, String> properties() {
        if (url == null) {
            url = create();
        }
        return Map.of("datasources.default.url", url,
                "datasources.default.username", "root",
                "datasources.default.password", "");
    }

    public static synchronized String url() {
        properties();
        return url;
    }

    /**
     * A schema of its own, for tests whose dispatcher must see no other test class's outbox
     * messages (every dispatcher claims whatever is due in its schema).
     */
    public static synchronized Map<String, String> isolatedProperties() {
        return Map.of("datasources.default.url", create(),
                "datasources.default.username", "root",
                "datasources.default.password", "");
    }

    private static String server;

    private static String create() {
        String schema = "mfa_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        if (server == null) {
            server = reachable(SERVER) ? SERVER : embeddedServer();
        }
        execute(server, "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server, "DROP DATABASE IF EXISTS " + schema)));
        return server + schema;
    }

    private static String embeddedServer() {
        try {
            String url = EmbeddedMariaDb.start(Files.createTempDirectory("mfa-test-mariadb"));
            return url.substring(0, url.lastIndexOf('/') + 1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("try") // opening the connection is the test
    private static boolean reachable(String server) {
        try (Connection connection = DriverManager.getConnection(server, "root", "")) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String server, String sql) {
        try (Connection connection = DriverManager.getConnection(server, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed: " + sql, e);
        }
    }
}
