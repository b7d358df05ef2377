package com.plmr.mfa.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents say what the service does: every setting is in the README and in the table of
 * allowed ranges of docs/operations.md, the management scopes are named in the contract and the
 * documents, and each response carries the Content-Security-Policy docs/security.md states.
 */
@MicronautTest(transactional = false)
class OperationsDocumentsTest extends EndToEndTest {

    @Test
    void every_setting_is_in_the_readme_and_in_the_table_of_allowed_ranges() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String operations = Files.readString(Path.of("../docs/operations.md"));

        assertThat(ConfigurationValidationTest.variables()).allSatisfy(variable -> {
            assertThat(readme).as("README.md").contains("`" + variable + "`");
            assertThat(operations).as("docs/operations.md").containsPattern("(?m)^\\| [^\\n]*`" + variable + "`");
        });
    }

    @Test
    void each_response_carries_the_content_security_policy_the_security_document_states() throws IOException {
        Map<String, String> documented = documentedPolicies();

        assertThat(documented).containsKeys("every response", "/api-docs");
        assertThat(http.json("GET", "/health", null, null).headers().firstValue("Content-Security-Policy"))
                .contains(documented.get("every response"));
        assertThat(http.json("GET", "/internal/v1/mfa/challenges/c1", null, null).headers()
                .firstValue("Content-Security-Policy")).contains(documented.get("every response"));
        for (String page : new String[] {"/api-docs", "/api-docs/init.js"}) {
            assertThat(http.json("GET", page, null, null).headers().firstValue("Content-Security-Policy"))
                    .as(page).contains(documented.get("/api-docs"));
        }
    }

    @Test
    void the_management_scopes_are_named_in_the_contract_and_the_documents() throws IOException {
        String spec;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi/mfa-totp.yaml")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String document : new String[] {spec, Files.readString(Path.of("../docs/security.md")),
                Files.readString(Path.of("../docs/operations.md"))}) {
            assertThat(document).contains(ManagementEndpointRule.MANAGEMENT_SCOPE, ManagementEndpointRule.METRICS_SCOPE);
        }
    }

    /** The rows of the policy table in docs/security.md: {@code | what | `policy` |}. */
    private static Map<String, String> documentedPolicies() throws IOException {
        String security = Files.readString(Path.of("../docs/security.md"));
        Matcher row = Pattern.compile("(?m)^\\| (every response|`/api-docs`)[^|]* \\| `([^`]+)` \\|").matcher(security);
        Map<String, String> policies = new LinkedHashMap<>();
        while (row.find()) {
            policies.put(row.group(1).replace("`", ""), row.group(2));
        }
        return policies;
    }
}
