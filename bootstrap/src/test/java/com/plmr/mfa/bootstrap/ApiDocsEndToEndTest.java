package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract and the page that renders it are served to anyone, from the service's own jar. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsEndToEndTest implements TestPropertyProvider {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @Test
    void serves_the_spec_it_was_built_from_without_a_token() throws Exception {
        HttpResponse<String> spec = get("/openapi/mfa-totp.yaml");

        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/yaml"));
        assertThat(spec.body()).isEqualTo(bundledSpec());
    }

    @Test
    void serves_the_page_and_its_bundled_swagger_ui_without_a_token() throws Exception {
        assertThat(get("/api-docs").body()).contains("/api-docs/swagger-ui/swagger-ui-bundle.js");
        assertThat(get("/api-docs/init.js").body()).contains("/openapi/mfa-totp.yaml");
        assertThat(get("/api-docs/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(get("/api-docs/swagger-ui/swagger-ui.css").statusCode()).isEqualTo(200);
        assertThat(get("/api-docs").headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("the page may run its own bundled scripts, and only those")
                .contains("default-src 'self'").doesNotContain("default-src 'none'").doesNotContain("http");
    }

    @Test
    void keeps_the_api_itself_behind_the_token() throws Exception {
        assertThat(get("/internal/v1/mfa/challenges/ch_x").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.getURI() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String bundledSpec() throws IOException {
        try (InputStream in = ApiDocsEndToEndTest.class.getResourceAsStream("/META-INF/openapi/mfa-totp.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
