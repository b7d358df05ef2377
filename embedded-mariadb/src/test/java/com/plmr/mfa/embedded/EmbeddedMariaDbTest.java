package com.plmr.mfa.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-set-up run's database: a real MariaDB started from the classpath, data in the given folder. */
class EmbeddedMariaDbTest {

    @Test
    void the_embedded_database_starts_with_its_data_in_the_given_folder(@TempDir Path dir) throws Exception {
        String url = EmbeddedMariaDb.start(dir.resolve("mariadb"));
        assertThat(url).matches("jdbc:mysql://127\\.0\\.0\\.1:\\d+/mfa\\?useInformationSchema=false");
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             ResultSet version = connection.createStatement().executeQuery("SELECT VERSION()")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).containsIgnoringCase("MariaDB");
            // what Liquibase asks on connecting; MySQL 8-style metadata fails on MariaDB 11
            assertThat(connection.getMetaData().getSQLKeywords()).contains("REGEXP");
            // a dropped connection is not worth an ERROR line in the development run's log
            try (ResultSet warnings = connection.createStatement().executeQuery("SELECT @@log_warnings")) {
                assertThat(warnings.next()).isTrue();
                assertThat(warnings.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(Files.isDirectory(dir.resolve("mariadb/data/mfa"))).isTrue();
    }
}
