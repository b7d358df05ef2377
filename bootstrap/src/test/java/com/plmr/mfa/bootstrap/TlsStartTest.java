package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server serves TLS from a configured keystore (a self-signed one made for this test by keytool). */
class TlsStartTest {

    private static final String PASSWORD = "changeit-test-only";

    @Test
    void the_server_answers_over_tls_with_the_configured_keystore(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "mfa", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("micronaut.server.ssl.enabled", true);
        properties.put("micronaut.server.ssl.port", -1);
        properties.put("micronaut.server.ssl.key-store.path", "file:" + keystore);
        properties.put("micronaut.server.ssl.key-store.password", PASSWORD);
        properties.put("micronaut.server.ssl.key-store.type", "PKCS12");

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            HttpResponse<String> health = client(keystore).send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.getPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(server.getScheme()).isEqualTo("https");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    private static HttpClient client(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }
}
