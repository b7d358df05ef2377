package com.plmr.mfa.bootstrap;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every setting is checked when the service starts, before it touches the database: a value out
 * of its range stops the start with one line that names the variable, the property, the value and
 * the allowed range. One row per rule below; rows of different groups (a group is one value built
 * from settings, which stops at its first refused parameter) share a start, which also shows that
 * all refused settings are reported together.
 */
class ConfigurationValidationTest {

    /** A database nobody listens on: a check that ran after the data source would fail differently. */
    private static final String UNREACHABLE_DATABASE = "jdbc:mysql://127.0.0.1:9/never-reached";
    /** Settings for which every value is valid text. */
    private static final Set<String> FREE_TEXT = Set.of("MFA_JWT_ISSUER", "MFA_JWT_AUDIENCE", "MFA_DB_USER",
            "MFA_DB_PASSWORD");

    private static final String PEM_OF_NO_KEY = "-----BEGIN PUBLIC KEY-----AAAA-----END PUBLIC KEY-----";

    record Case(String group, String variable, String property, String value, String refusal) {
    }

    private static final List<Case> CASES = List.of(
            new Case("instance", "MFA_DB_URL", "datasources.default.url", "jdbc:postgresql://db/mfa",
                    "MFA_DB_URL=jdbc:postgresql://db/mfa (datasources.default.url) must be a MySQL JDBC URL such as"
                            + " jdbc:mysql://db.example.com:3306/mfa"),
            new Case("instance", "MFA_PORT", "micronaut.server.port", "70000",
                    "MFA_PORT=70000 (micronaut.server.port) must be 1 to 65535, or -1 for a free port"),
            new Case("instance", "MFA_INSTANCE_ID", "mfa.instance-id", "two\nlines",
                    "MFA_INSTANCE_ID=two?lines (mfa.instance-id) must be 1 to 64 of A-Z a-z 0-9 . _ : -"),
            new Case("instance", "MFA_DB_MIGRATION", "mfa.database.migration", "later",
                    "MFA_DB_MIGRATION=later (mfa.database.migration) must be apply, only or skip"),
            new Case("instance", "MFA_LOG_FORMAT", "mfa.log.format", "xml",
                    "MFA_LOG_FORMAT=xml (mfa.log.format) must be plain or json"),

            new Case("token", "MFA_JWKS_URL", "mfa.security.jwks-url", "idp.example.com/jwks",
                    "MFA_JWKS_URL=idp.example.com/jwks (mfa.security.jwks-url) must be an absolute http(s) URL,"
                            + " e.g. https://idp.example.com/.well-known/jwks.json"),
            new Case("token", "MFA_JWKS_KEY_TYPE", "mfa.security.jwks-key-type", "DSA",
                    "MFA_JWKS_KEY_TYPE=DSA (mfa.security.jwks-key-type) must be RSA or EC"),
            new Case("token", "MFA_JWT_PUBLIC_KEY", "mfa.security.jwt-public-key", PEM_OF_NO_KEY,
                    "MFA_JWT_PUBLIC_KEY=" + PEM_OF_NO_KEY + " (mfa.security.jwt-public-key) must be a PEM public key"
                            + " (-----BEGIN PUBLIC KEY-----): RSA of at least 2048 bits or EC P-256"),
            new Case("token", "", "micronaut.security.token.jwt.claims-validators.issuer", "idp.example.com",
                    "micronaut.security.token.jwt.claims-validators.issuer=idp.example.com must be unset: the"
                            + " framework's issuer check accepts any suffix of the issuer; set MFA_JWT_ISSUER, which is"
                            + " compared exactly"),
            new Case("token", "MFA_JWT_NOT_BEFORE_LEEWAY", "mfa.security.not-before-leeway", "10m",
                    "MFA_JWT_NOT_BEFORE_LEEWAY=10m (mfa.security.not-before-leeway) must be 0s to 5m"),
            new Case("token cache", "MFA_JWT_CACHE_SIZE", "mfa.security.token-cache-size", "-1",
                    "MFA_JWT_CACHE_SIZE=-1 (mfa.security.token-cache-size) must be 0 (no cache) to 1000000"),

            new Case("challenge", "MFA_CHALLENGE_TTL", "mfa.challenge.ttl", "2h",
                    "MFA_CHALLENGE_TTL=2h (mfa.challenge.ttl) must be more than 0s and at most 1h"),
            new Case("challenge", "MFA_CODE_TTL", "mfa.challenge.code-ttl", "20m",
                    "MFA_CODE_TTL=20m (mfa.challenge.code-ttl) must be more than 0s and at most 10m (NIST SP 800-63B)"),
            new Case("challenge", "MFA_MAX_ATTEMPTS", "mfa.challenge.max-attempts", "0",
                    "MFA_MAX_ATTEMPTS=0 (mfa.challenge.max-attempts) must be 1 to 100"),
            new Case("challenge", "MFA_RESEND_COOLDOWN", "mfa.challenge.resend-cooldown", "10m",
                    "MFA_RESEND_COOLDOWN=10m (mfa.challenge.resend-cooldown) must be 0s or more and less than the"
                            + " challenge lifetime (600s)"),
            new Case("challenge", "MFA_MAX_SENDS", "mfa.challenge.max-sends", "21",
                    "MFA_MAX_SENDS=21 (mfa.challenge.max-sends) must be 1 to 20"),
            new Case("challenge", "MFA_SMS_DIGITS", "mfa.challenge.sms-digits", "3",
                    "MFA_SMS_DIGITS=3 (mfa.challenge.sms-digits) must be 6 to 9"),
            new Case("challenge", "MFA_EMAIL_DIGITS", "mfa.challenge.email-digits", "ten",
                    "MFA_EMAIL_DIGITS=ten (mfa.challenge.email-digits) must be a whole number"),

            new Case("abuse", "MFA_SENDS_PER_DESTINATION_PER_HOUR", "mfa.abuse.sends-per-destination-per-hour", "0",
                    "MFA_SENDS_PER_DESTINATION_PER_HOUR=0 (mfa.abuse.sends-per-destination-per-hour) must be 1 to 1000"),
            new Case("abuse", "MFA_SENDS_PER_DESTINATION_PER_DAY", "mfa.abuse.sends-per-destination-per-day", "1001",
                    "MFA_SENDS_PER_DESTINATION_PER_DAY=1001 (mfa.abuse.sends-per-destination-per-day) must be 1 to 1000"),
            new Case("abuse", "MFA_SENDS_PER_USER_PER_HOUR", "mfa.abuse.sends-per-user-per-hour", "-1",
                    "MFA_SENDS_PER_USER_PER_HOUR=-1 (mfa.abuse.sends-per-user-per-hour) must be 1 to 1000"),
            new Case("abuse", "MFA_SENDS_PER_RANGE_PER_HOUR", "mfa.abuse.sends-per-range-per-hour", "0",
                    "MFA_SENDS_PER_RANGE_PER_HOUR=0 (mfa.abuse.sends-per-range-per-hour) must be 1 to 1000"),
            new Case("abuse", "MFA_MAX_CONSECUTIVE_FAILURES", "mfa.abuse.max-consecutive-failures", "101",
                    "MFA_MAX_CONSECUTIVE_FAILURES=101 (mfa.abuse.max-consecutive-failures) must be 1 to 100"
                            + " (NIST SP 800-63B)"),
            new Case("abuse", "MFA_FAILURE_COOLDOWN", "mfa.abuse.failure-cooldown", "2d",
                    "MFA_FAILURE_COOLDOWN=2d (mfa.abuse.failure-cooldown) must be more than 0s and at most 1d"),
            new Case("abuse", "MFA_MAX_FAILURE_COOLDOWN", "mfa.abuse.max-failure-cooldown", "5m",
                    "MFA_MAX_FAILURE_COOLDOWN=5m (mfa.abuse.max-failure-cooldown) must be at least the failure"
                            + " cool-down (900s) and at most 30d"),

            new Case("totp", "MFA_TOTP_ISSUER", "mfa.totp.issuer", "ACME:Bank",
                    "MFA_TOTP_ISSUER=ACME:Bank (mfa.totp.issuer) must be 1 to 64 characters without a colon"),
            new Case("totp", "MFA_TOTP_ALGORITHM", "mfa.totp.algorithm", "MD5",
                    "MFA_TOTP_ALGORITHM=MD5 (mfa.totp.algorithm) must be one of SHA1, SHA256, SHA512"),
            new Case("totp", "MFA_TOTP_DIGITS", "mfa.totp.digits", "5",
                    "MFA_TOTP_DIGITS=5 (mfa.totp.digits) must be 6 to 9"),
            new Case("totp", "MFA_TOTP_PERIOD", "mfa.totp.period", "1500ms",
                    "MFA_TOTP_PERIOD=1500ms (mfa.totp.period) must be a whole number of seconds, at least 1s"),
            new Case("totp", "MFA_TOTP_WINDOW", "mfa.totp.window", "11",
                    "MFA_TOTP_WINDOW=11 (mfa.totp.window) must be 0 to 10"),
            new Case("totp", "MFA_TOTP_MAX_FAILURES", "mfa.totp.max-failures", "101",
                    "MFA_TOTP_MAX_FAILURES=101 (mfa.totp.max-failures) must be 1 to 100 (NIST SP 800-63B)"),
            new Case("totp", "MFA_TOTP_LOCKOUT", "mfa.totp.lockout", "0s",
                    "MFA_TOTP_LOCKOUT=0s (mfa.totp.lockout) must be more than 0s and at most 1d"),
            new Case("totp", "MFA_TOTP_MAX_LOCKOUT", "mfa.totp.max-lockout", "1m",
                    "MFA_TOTP_MAX_LOCKOUT=1m (mfa.totp.max-lockout) must be at least the lockout (300s) and at most 1d"),
            new Case("totp", "MFA_TOTP_ENROLMENT_TTL", "mfa.totp.enrolment-ttl", "30s",
                    "MFA_TOTP_ENROLMENT_TTL=30s (mfa.totp.enrolment-ttl) must be 1m to 1d"),

            new Case("recovery", "MFA_RECOVERY_CODES", "mfa.recovery-codes.count", "21",
                    "MFA_RECOVERY_CODES=21 (mfa.recovery-codes.count) must be 1 to 20"),
            new Case("recovery", "MFA_RECOVERY_CODES", "mfa.recovery-codes.count", "ten",
                    "MFA_RECOVERY_CODES=ten (mfa.recovery-codes.count) must be a whole number"),
            new Case("notices", "MFA_NOTICE_EVENTS", "mfa.notices.events", "factor-added,everything",
                    "MFA_NOTICE_EVENTS=factor-added,everything (mfa.notices.events) must be all, none or a"
                            + " comma-separated list of factor-added, factor-verified, factor-removed, factors-reset,"
                            + " recovery-code-used, recovery-codes-regenerated, challenge-locked, registration-locked,"
                            + " verifies-paused"),
            new Case("notices", "MFA_NOTICE_COALESCING", "mfa.notices.coalescing", "30s",
                    "MFA_NOTICE_COALESCING=30s (mfa.notices.coalescing) must be 1m to 1d"),

            new Case("hasher", "MFA_CODE_HASH_KEY", "mfa.keys.code-hash", "not base64!",
                    "MFA_CODE_HASH_KEY (mfa.keys.code-hash, value not shown) must be base64 of at least 32 random bytes"),
            new Case("hasher", "MFA_CODE_HASH_KEY", "mfa.keys.code-hash", "c2hvcnQ=",
                    "MFA_CODE_HASH_KEY (mfa.keys.code-hash, value not shown) must be at least 32 bytes (256 bits)"),

            new Case("sealer", "MFA_SECRET_KEYS", "mfa.keys.secrets", "k1",
                    "MFA_SECRET_KEYS (mfa.keys.secrets, value not shown) must be entries id:base64-of-32-random-bytes,"
                            + " separated by commas"),
            new Case("sealer", "MFA_SECRET_KEYS", "mfa.keys.secrets", "dev-1:c2hvcnQ=",
                    "MFA_SECRET_KEYS (mfa.keys.secrets, value not shown) must be keys of 32 bytes (256 bits); key dev-1"
                            + " is not"),
            new Case("sealer", "MFA_SECRET_KEY_ID", "mfa.keys.active-secret", "dev-2",
                    "MFA_SECRET_KEY_ID=dev-2 (mfa.keys.active-secret) must be the id of a key in the key ring [dev-1]"),

            new Case("assertion", "MFA_ASSERTION_ISSUER", "mfa.assertion.issuer", "mfa.example.com",
                    "MFA_ASSERTION_ISSUER=mfa.example.com (mfa.assertion.issuer) must be an absolute http or https URL"
                            + " of this service without query or fragment, e.g. https://mfa.example.com"),
            new Case("assertion", "MFA_ASSERTION_LIFETIME", "mfa.assertion.lifetime", "10m",
                    "MFA_ASSERTION_LIFETIME=10m (mfa.assertion.lifetime) must be 10s to 5m in whole seconds"),
            new Case("assertionKeys", "MFA_ASSERTION_KEYS", "mfa.assertion.keys",
                    "-----BEGIN PRIVATE KEY-----AAAA-----END PRIVATE KEY-----",
                    "MFA_ASSERTION_KEYS (mfa.assertion.keys, value not shown) must be P-256 private keys as PEM"
                            + " (-----BEGIN PRIVATE KEY-----, from openssl genpkey -algorithm EC -pkeyopt"
                            + " ec_paramgen_curve:P-256), the signing key first, at most 10"),
            new Case("assertionKeys", "MFA_ASSERTION_KEYS", "mfa.assertion.keys", TestAssertionKeys.read("rsa-2048.pem"),
                    "MFA_ASSERTION_KEYS (mfa.assertion.keys, value not shown) must be P-256 private keys as PEM"
                            + " (-----BEGIN PRIVATE KEY-----, from openssl genpkey -algorithm EC -pkeyopt"
                            + " ec_paramgen_curve:P-256), the signing key first, at most 10"),

            new Case("outbox", "MFA_OUTBOX_POLL_INTERVAL", "mfa.outbox.poll-interval", "5ms",
                    "MFA_OUTBOX_POLL_INTERVAL=5ms (mfa.outbox.poll-interval) must be 10ms to 1m"),
            new Case("outbox", "MFA_OUTBOX_BATCH_SIZE", "mfa.outbox.batch-size", "0",
                    "MFA_OUTBOX_BATCH_SIZE=0 (mfa.outbox.batch-size) must be 1 to 1000"),
            new Case("outbox", "MFA_OUTBOX_LEASE", "mfa.outbox.lease", "0s",
                    "MFA_OUTBOX_LEASE=0s (mfa.outbox.lease) must be more than 0s"),
            new Case("outbox", "MFA_OUTBOX_MAX_ATTEMPTS", "mfa.outbox.max-attempts", "0",
                    "MFA_OUTBOX_MAX_ATTEMPTS=0 (mfa.outbox.max-attempts) must be 1 to 100"),
            new Case("outbox", "MFA_OUTBOX_BASE_DELAY", "mfa.outbox.base-delay", "0s",
                    "MFA_OUTBOX_BASE_DELAY=0s (mfa.outbox.base-delay) must be more than 0s"),
            new Case("outbox", "MFA_OUTBOX_MAX_DELAY", "mfa.outbox.max-delay", "1s",
                    "MFA_OUTBOX_MAX_DELAY=1s (mfa.outbox.max-delay) must be at least the base delay (2000ms)"),

            new Case("retention", "MFA_PURGE_ENABLED", "mfa.retention.purge-enabled", "yes",
                    "MFA_PURGE_ENABLED=yes (mfa.retention.purge-enabled) must be true or false"),
            new Case("retention", "MFA_PURGE_INTERVAL", "mfa.retention.purge-interval", "10s",
                    "MFA_PURGE_INTERVAL=10s (mfa.retention.purge-interval) must be 1m to 1d"),
            new Case("retention", "MFA_PURGE_BATCH_SIZE", "mfa.retention.batch-size", "0",
                    "MFA_PURGE_BATCH_SIZE=0 (mfa.retention.batch-size) must be 1 to 10000"),
            new Case("retention", "MFA_RETENTION_CHALLENGES", "mfa.retention.challenges", "10m",
                    "MFA_RETENTION_CHALLENGES=10m (mfa.retention.challenges) must be 1h to 3650d"),
            new Case("retention", "MFA_RETENTION_OUTBOX_MESSAGES", "mfa.retention.outbox-messages", "0s",
                    "MFA_RETENTION_OUTBOX_MESSAGES=0s (mfa.retention.outbox-messages) must be 1h to 3650d"),
            new Case("retention", "MFA_RETENTION_SEND_QUOTAS", "mfa.retention.send-quotas", "3651d",
                    "MFA_RETENTION_SEND_QUOTAS=3651d (mfa.retention.send-quotas) must be 1h to 3650d"),
            new Case("retention", "MFA_RETENTION_FAILURE_STREAKS", "mfa.retention.failure-streaks", "30m",
                    "MFA_RETENTION_FAILURE_STREAKS=30m (mfa.retention.failure-streaks) must be 1h to 3650d"),
            new Case("retention", "MFA_RETENTION_AUDIT_EVENTS", "mfa.retention.audit-events", "3651d",
                    "MFA_RETENTION_AUDIT_EVENTS=3651d (mfa.retention.audit-events) must be 1h to 3650d"),

            new Case("database", "MFA_DB_CONNECTION_TIMEOUT", "mfa.database.connection-timeout", "5m",
                    "MFA_DB_CONNECTION_TIMEOUT=5m (mfa.database.connection-timeout) must be 500ms to 1m"),
            new Case("database", "MFA_DB_SOCKET_TIMEOUT", "mfa.database.socket-timeout", "0s",
                    "MFA_DB_SOCKET_TIMEOUT=0s (mfa.database.socket-timeout) must be 1s to 1h"),
            new Case("serving", "MFA_DB_POOL_SIZE", "datasources.default.maximum-pool-size", "0",
                    "MFA_DB_POOL_SIZE=0 (datasources.default.maximum-pool-size) must be 1 to 1000"),
            new Case("serving", "MFA_MAX_CONCURRENT_REQUESTS", "mfa.http.max-concurrent-requests", "10001",
                    "MFA_MAX_CONCURRENT_REQUESTS=10001 (mfa.http.max-concurrent-requests) must be 1 to 10000"),
            new Case("serving", "MFA_QUEUE_TARGET", "mfa.http.queue-target", "0s",
                    "MFA_QUEUE_TARGET=0s (mfa.http.queue-target) must be 1ms to 10s"),
            new Case("serving", "MFA_QUEUE_INTERVAL", "mfa.http.queue-interval", "10s",
                    "MFA_QUEUE_INTERVAL=10s (mfa.http.queue-interval) must be more than the queue target (10s) and at"
                            + " most 1m"),

            new Case("phones", "MFA_SMS_REFUSED_NUMBER_TYPES", "mfa.sms.refused-number-types", "PREMIUM",
                    "MFA_SMS_REFUSED_NUMBER_TYPES=PREMIUM (mfa.sms.refused-number-types) must be a comma-separated list"
                            + " of FIXED_LINE, MOBILE, FIXED_LINE_OR_MOBILE, TOLL_FREE, PREMIUM_RATE, SHARED_COST, VOIP,"
                            + " PERSONAL_NUMBER, PAGER, UAN, VOICEMAIL, UNKNOWN, or empty"),
            new Case("phones", "MFA_SMS_ALLOWED_COUNTRIES", "mfa.sms.allowed-countries", "DE,XX",
                    "MFA_SMS_ALLOWED_COUNTRIES=DE,XX (mfa.sms.allowed-countries) must be a comma-separated list of ISO"
                            + " 3166 country codes with a numbering plan (DE, AT, CH) or 001, or empty"),
            new Case("phones", "MFA_SMS_DENIED_COUNTRIES", "mfa.sms.denied-countries", "Cuba",
                    "MFA_SMS_DENIED_COUNTRIES=Cuba (mfa.sms.denied-countries) must be a comma-separated list of ISO"
                            + " 3166 country codes with a numbering plan (DE, AT, CH) or 001, or empty"),
            new Case("smsFormat", "MFA_SMS_ORIGIN", "mfa.sms.origin", "https://pay.example.com",
                    "MFA_SMS_ORIGIN=https://pay.example.com (mfa.sms.origin) must be a lower-case host name such as"
                            + " example.com (no scheme, port or path; IDN in its xn-- form), or empty"),
            new Case("smsFormat", "MFA_SMS_ANDROID_APP_HASH", "mfa.sms.android-app-hash", "FA+9qCX9VS",
                    "MFA_SMS_ANDROID_APP_HASH=FA+9qCX9VS (mfa.sms.android-app-hash) must be the 11 characters of the"
                            + " app's SMS Retriever hash (A-Z a-z 0-9 + /), or empty"),

            new Case("notify", "MFA_NOTIFY_SMS_PROVIDER", "mfa.notify.sms.provider", "twillio",
                    "Invalid delivery configuration: mfa.notify.sms.provider='twillio' is unknown, use one of"
                            + " [twilio, webhook, dev]"));

    /** The rows, dealt into starts with at most one row per group. */
    static List<List<Case>> starts() {
        Map<String, List<Case>> byGroup = CASES.stream()
                .collect(Collectors.groupingBy(Case::group, LinkedHashMap::new, Collectors.toList()));
        int rounds = byGroup.values().stream().mapToInt(List::size).max().orElse(0);
        return IntStream.range(0, rounds).mapToObj(round -> byGroup.values().stream()
                .filter(cases -> cases.size() > round).map(cases -> cases.get(round)).toList()).toList();
    }

    @ParameterizedTest
    @MethodSource("starts")
    void each_setting_out_of_its_range_stops_the_start_with_one_line_naming_it(List<Case> cases) {
        Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", UNREACHABLE_DATABASE));
        cases.forEach(c -> properties.put(c.property(), c.value()));

        List<String> problems = refusal(properties);

        assertThat(problems).containsExactlyInAnyOrderElementsOf(cases.stream().map(Case::refusal).toList());
    }

    @Test
    void the_outbox_lease_must_outlast_one_provider_request() {
        List<String> problems = refusal(Map.of("datasources.default.url", UNREACHABLE_DATABASE,
                "mfa.notify.sms.provider", "webhook", "mfa.notify.sms.webhook.url", "https://sms.example.com/send",
                "mfa.notify.sms.webhook.request-timeout", "60s"));

        assertThat(problems).containsExactly("MFA_OUTBOX_LEASE=30s (mfa.outbox.lease) must be longer than one provider"
                + " request (webhook: connect 5s + request 60s = 65s), or a slow send outlives its claim and another"
                + " instance sends the message again");
    }

    @Test
    void a_secret_value_is_never_shown_in_a_refusal() {
        List<String> problems = refusal(Map.of("datasources.default.url", UNREACHABLE_DATABASE,
                "mfa.keys.code-hash", "c2VjcmV0LXRvby1zaG9ydA==", "mfa.keys.secrets", "k1:c2VjcmV0LXRvby1zaG9ydA=="));

        assertThat(problems).hasSize(2).noneSatisfy(line -> assertThat(line).contains("c2VjcmV0"));
    }

    @Test
    void dev_and_prod_are_never_active_together() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", UNREACHABLE_DATABASE),
                "dev", "prod").close())
                .satisfies(e -> assertThat(ConfigurationRefusedException.problemsOf(e)).hasValueSatisfying(lines ->
                        assertThat(lines).singleElement().asString()
                                .startsWith("The environments [dev, prod, test] cannot be active together")));
    }

    @Test
    void every_setting_of_the_configuration_has_a_rule_above_unless_any_text_is_valid() throws IOException {
        Set<String> covered = CASES.stream().map(Case::variable).collect(Collectors.toSet());

        assertThat(variables()).isNotEmpty().allSatisfy(variable ->
                assertThat(covered.contains(variable) || FREE_TEXT.contains(variable)).as(variable).isTrue());
    }

    /** The environment variables application.yml reads. */
    static Set<String> variables() throws IOException {
        String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
        Set<String> variables = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{(MFA_[A-Z0-9_]+)").matcher(yaml);
        while (placeholder.find()) {
            variables.add(placeholder.group(1));
        }
        return variables;
    }

    private static List<String> refusal(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            return fail("the service started with " + properties.keySet() + " in " + context.getEnvironment().getActiveNames());
        } catch (RuntimeException e) {
            return ConfigurationRefusedException.problemsOf(e).orElseThrow(() -> e);
        }
    }
}
