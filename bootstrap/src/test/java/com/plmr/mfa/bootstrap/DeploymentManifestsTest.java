package com.plmr.mfa.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests under {@code deploy/kubernetes} hold together and fit the application:
 * every probe asks a path the running service answers 200 without a token, on the port the
 * service listens on; every variable they set is a setting the service reads, the secrets only in
 * the Secret; the init container migrates and the serving container skips the migration; the
 * selectors find the Deployment's pods; the user is the image's; and the termination grace period
 * covers the preStop pause and the service's graceful shutdown.
 */
@MicronautTest(transactional = false)
class DeploymentManifestsTest extends EndToEndTest {

    private static final Path MANIFESTS = Path.of("../deploy/kubernetes");
    /** Settings whose values are secrets: only in the Secret, never in the ConfigMap. */
    private static final Set<String> SECRETS = Set.of("MFA_DB_PASSWORD", "MFA_CODE_HASH_KEY", "MFA_SECRET_KEYS", "MFA_ASSERTION_KEYS",
            "MFA_NOTIFY_SMS_TWILIO_AUTH_TOKEN", "MFA_NOTIFY_EMAIL_SMTP_PASSWORD");
    /** Settings a deployment sets to values of its own; every other one in the ConfigMap has its default. */
    private static final Set<String> DEPLOYMENT_CHOICES = Set.of("MFA_LOG_FORMAT", "MFA_DB_URL", "MFA_DB_USER",
            "MFA_JWKS_URL", "MFA_JWT_ISSUER", "MFA_JWT_AUDIENCE", "MFA_SECRET_KEY_ID", "MFA_ASSERTION_ISSUER");
    /** A provider's setting: the provider's prefix and the key of its table in docs/delivery.md. */
    private static final Pattern PROVIDER_SETTING = Pattern.compile("MFA_NOTIFY_(SMS_TWILIO|SMS_WEBHOOK|EMAIL_SMTP)_(.+)");

    private final Map<String, Map<String, Object>> byKind = new LinkedHashMap<>();

    @BeforeAll
    void readEveryManifestTheKustomizationLists() throws IOException {
        Map<String, Object> kustomization = read(MANIFESTS.resolve("kustomization.yaml"));
        for (Object resource : list(kustomization, "resources")) {
            Map<String, Object> manifest = read(MANIFESTS.resolve((String) resource));
            byKind.put((String) manifest.get("kind"), manifest);
        }
    }

    @Test
    void the_kustomization_lists_a_deployment_its_service_config_secret_budget_and_autoscaler() {
        assertThat(byKind).containsOnlyKeys("Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget",
                "HorizontalPodAutoscaler");
    }

    @Test
    void every_probe_asks_a_path_the_service_answers_without_a_token_on_the_port_it_listens_on() {
        Map<String, Object> container = container("containers");
        Map<String, Object> port = single(list(container, "ports"));
        assertThat(String.valueOf(port.get("containerPort"))).isEqualTo(map(byKind.get("ConfigMap"), "data").get("MFA_PORT"));

        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> get = map(map(container, probe), "httpGet");
            assertThat(get.get("port")).as(probe).isEqualTo(port.get("name"));
            assertThat(http.json("GET", (String) get.get("path"), null, null).statusCode()).as(probe + " " + get)
                    .isEqualTo(200);
        }
        assertThat(single(list(map(byKind.get("Service"), "spec"), "ports")).get("targetPort")).isEqualTo(port.get("name"));
    }

    @Test
    void every_variable_is_a_setting_of_the_service_and_the_secrets_are_only_in_the_secret() throws IOException {
        Set<String> settings = new HashSet<>(ConfigurationValidationTest.variables());
        settings.add("MICRONAUT_ENVIRONMENTS");
        Matcher documented = Pattern.compile("`(MFA_[A-Z0-9_]+)`").matcher(Files.readString(Path.of("../docs/operations.md")));
        while (documented.find()) {
            settings.add(documented.group(1));
        }
        String delivery = Files.readString(Path.of("../docs/delivery.md"));
        Set<String> configured = map(byKind.get("ConfigMap"), "data").keySet();
        Set<String> secret = map(byKind.get("Secret"), "stringData").keySet();
        List<String> named = new ArrayList<>(configured);
        named.addAll(secret);
        for (String containers : List.of("initContainers", "containers")) {
            list(container(containers), "env").forEach(variable -> named.add((String) ((Map<?, ?>) variable).get("name")));
        }

        assertThat(named).allSatisfy(variable -> {
            Matcher provider = PROVIDER_SETTING.matcher(variable);
            if (provider.matches()) {
                String key = provider.group(2).toLowerCase(Locale.ROOT).replace('_', '-');
                assertThat(delivery).as(variable).containsPattern("(?m)^\\| [^|]*`" + key + "`[^|]*\\|");
            } else {
                assertThat(settings).as(variable).contains(variable);
            }
        });
        assertThat(secret).containsExactlyInAnyOrderElementsOf(SECRETS);
        assertThat(configured).doesNotContainAnyElementsOf(SECRETS);
    }

    @Test
    void every_setting_the_service_reads_is_set_and_the_config_map_keeps_the_defaults_it_does_not_choose()
            throws IOException {
        Map<String, Object> configured = map(byKind.get("ConfigMap"), "data");
        Set<String> set = new HashSet<>(configured.keySet());
        set.addAll(map(byKind.get("Secret"), "stringData").keySet());
        list(container("containers"), "env").forEach(variable -> set.add((String) ((Map<?, ?>) variable).get("name")));

        assertThat(set).containsAll(ConfigurationValidationTest.variables());
        Matcher placeholder = Pattern.compile("\\$\\{(MFA_[A-Z0-9_]+):`?([^`}]*)`?}")
                .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        while (placeholder.find()) {
            String variable = placeholder.group(1);
            if (configured.containsKey(variable) && !DEPLOYMENT_CHOICES.contains(variable)) {
                assertThat(String.valueOf(configured.get(variable))).as(variable).isEqualTo(placeholder.group(2));
            }
        }
    }

    @Test
    void the_init_container_migrates_and_the_serving_container_does_not() {
        assertThat(value(container("initContainers"), "MFA_DB_MIGRATION")).isEqualTo(Migration.ONLY.value());
        assertThat(value(container("containers"), "MFA_DB_MIGRATION")).isEqualTo(Migration.SKIP.value());
    }

    @Test
    void the_service_the_budget_and_the_autoscaler_find_the_deployment_and_its_pods() {
        Map<String, Object> deployment = byKind.get("Deployment");
        Map<String, Object> podLabels = map(map(map(deployment, "spec"), "template"), "metadata");
        Map<String, Object> labels = map(podLabels, "labels");

        assertThat(labels).containsAllEntriesOf(map(map(byKind.get("Service"), "spec"), "selector"));
        assertThat(labels).containsAllEntriesOf(map(map(map(byKind.get("PodDisruptionBudget"), "spec"), "selector"),
                "matchLabels"));
        assertThat(map(map(byKind.get("HorizontalPodAutoscaler"), "spec"), "scaleTargetRef"))
                .containsEntry("kind", "Deployment").containsEntry("name", map(deployment, "metadata").get("name"));
    }

    @Test
    void the_pods_run_as_the_image_s_user_and_have_time_for_the_graceful_shutdown() throws IOException {
        Map<String, Object> pod = map(map(byKind.get("Deployment"), "spec"), "template");
        Map<String, Object> spec = map(pod, "spec");
        String pom = Files.readString(Path.of("pom.xml"));
        Map<String, Object> security = map(spec, "securityContext");
        assertThat(security).containsEntry("runAsNonRoot", true);
        assertThat(pom).contains("<user>" + security.get("runAsUser") + ":" + security.get("runAsGroup") + "</user>");

        Map<String, Object> application = read(Path.of("src/main/resources/application.yml"));
        Duration grace = Duration.parse("PT" + map(map(map(application, "micronaut"), "lifecycle"), "graceful-shutdown")
                .get("grace-period").toString().toUpperCase());
        int preStop = (Integer) map(map(map(container("containers"), "lifecycle"), "preStop"), "sleep").get("seconds");
        assertThat((Integer) spec.get("terminationGracePeriodSeconds")).isGreaterThan(preStop + (int) grace.toSeconds());
    }

    private Map<String, Object> container(String kind) {
        return single(list(map(map(map(byKind.get("Deployment"), "spec"), "template"), "spec"), kind));
    }

    private static String value(Map<String, Object> container, String variable) {
        return list(container, "env").stream().map(entry -> (Map<?, ?>) entry)
                .filter(entry -> variable.equals(entry.get("name"))).map(entry -> (String) entry.get("value"))
                .findFirst().orElseThrow(() -> new AssertionError(variable + " not set in " + container.get("name")));
    }

    private static Map<String, Object> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<?>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> single(List<?> values) {
        assertThat(values).hasSize(1);
        return (Map<String, Object>) values.get(0);
    }
}
