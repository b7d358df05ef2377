package com.plmr.mfa.dev;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development artifact ({@code dev-launcher/target/mfa-totp-dev.jar}), the README's run
 * command: with nothing configured it starts an embedded MariaDB and the {@code dev} environment,
 * saying what it does in a few lines; with an environment but no database it refuses, and starts
 * no embedded database.
 */
class DevArtifactIT {

    private static final Path JAR = Path.of("target/mfa-totp-dev.jar");
    private static final Duration REFUSAL = Duration.ofSeconds(120);
    /**
     * The embedded database's first start unpacks 150 MB and initialises its data, and the server
     * alone may take up to 5 minutes to become ready on a busy machine.
     */
    private static final Duration FIRST_START = Duration.ofMinutes(10);

    @Test
    void an_explicit_environment_without_a_database_is_refused_and_nothing_embedded_starts(@TempDir Path dir)
            throws Exception {
        try (RunningJar service = RunningJar.start(JAR, dir, Map.of("MICRONAUT_ENVIRONMENTS", "prod",
                "MFA_DEV_DIR", dir.resolve("dev").toString()))) {
            assertThat(service.awaitExit(REFUSAL)).isEqualTo(78);
            assertThat(ProductionArtifactIT.refusals(service)).singleElement().asString()
                    .startsWith("No database configured for the environments [prod]: set MFA_DB_URL");
            ProductionArtifactIT.assertNoStackTrace(service);
        }
        assertThat(dir.resolve("dev")).doesNotExist();
        assertThat(dir.resolve(".mfa-dev")).doesNotExist();
    }

    @Test
    void with_nothing_configured_it_starts_the_zero_set_up_run_and_says_what_it_does(@TempDir Path dir)
            throws Exception {
        try (RunningJar service = RunningJar.start(JAR, dir, Map.of("MFA_PORT", "-1"))) {
            URI base = service.awaitListening(FIRST_START);

            assertThat(RunningJar.send(base, "GET", "/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(RunningJar.send(base, "POST", "/dev/tokens", "{\"sub\":\"u-1\"}").statusCode()).isEqualTo(200);
            List<String> lines = service.lines();
            assertThat(lines).containsSubsequence(
                    line(lines, "Nothing configured: zero-set-up development run"),
                    line(lines, "Starting the embedded MariaDB for the first time"),
                    line(lines, "Embedded MariaDB ready on 127.0.0.1:"),
                    line(lines, "Database jdbc:mysql://127.0.0.1:"),
                    line(lines, "Listening on " + base + " (environments [dev])"));
            assertThat(lines).noneMatch(l -> l.contains(" ERROR ") || l.contains(" WARN ") || l.contains("|_|"));
            assertThat(dir.resolve(".mfa-dev/mariadb/data/mfa")).isDirectory();
        }
    }

    private static String line(List<String> lines, String containing) {
        return lines.stream().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in\n" + String.join("\n", lines)));
    }
}
