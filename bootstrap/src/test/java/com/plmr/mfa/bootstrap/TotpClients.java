package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plmr.mfa.adapter.in.rest.OtpauthUri;
import com.plmr.mfa.adapter.in.rest.OtpauthUriReader;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.client.ApiClient;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.UserTotpApi;
import com.plmr.mfa.client.model.StartTotpRegistrationRequest;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.VerifyTotpRegistrationRequest;
import com.plmr.mfa.client.model.VerifyTotpRegistrationResponse;
import com.plmr.mfa.domain.authenticator.Totp;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The generated SDK's UserTotp operations for a user of a running instance, and the user's side:
 * an authenticator app computing codes from the enrolled Key URI with the domain's TOTP engine.
 */
final class TotpClients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TotpClients() {
    }

    static String newUser() {
        return "u-" + UUID.randomUUID();
    }

    static ApiClient client(EmbeddedServer server, String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURI().toString());
        client.setRequestInterceptor(builder -> builder.header("Authorization", "Bearer " + bearer));
        return client;
    }

    static UserTotpApi totpOf(EmbeddedServer server, String userId) {
        return new UserTotpApi(client(server, TestTokens.user(userId)));
    }

    static StartTotpRegistrationResponse start(EmbeddedServer server, String userId) throws ApiException {
        return totpOf(server, userId).startTotpRegistration(userId, new StartTotpRegistrationRequest());
    }

    /** Activates the registration with {@code code}, as its user. */
    static VerifyTotpRegistrationResponse verify(EmbeddedServer server, String user,
                                                 StartTotpRegistrationResponse started, String code) throws ApiException {
        return totpOf(server, user).verifyTotpRegistration(user, started.getTotpId(),
                new VerifyTotpRegistrationRequest().code(code));
    }

    /** The refusal of activating the registration with {@code code}. */
    static ApiException refusedVerify(EmbeddedServer server, String user, StartTotpRegistrationResponse started,
                                      String code) {
        return catchThrowableOfType(ApiException.class, () -> verify(server, user, started, code));
    }

    /** The code the enrolled app shows at {@code at}. */
    static String appCode(StartTotpRegistrationResponse started, Instant at) {
        OtpauthUri uri = OtpauthUriReader.parse(started.getUri());
        Totp totp = new Totp(uri.parameters());
        return totp.codeAt(uri.secret(), totp.timeStep(at));
    }

    /** A code that matches no step within reach of {@code at}, so it is plainly wrong. */
    static String wrongCode(StartTotpRegistrationResponse started, Instant at) {
        OtpauthUri uri = OtpauthUriReader.parse(started.getUri());
        Totp totp = new Totp(uri.parameters());
        long current = totp.timeStep(at);
        Set<String> near = new HashSet<>();
        for (long step = current - 12; step <= current + 12; step++) {
            near.add(totp.codeAt(uri.secret(), step));
        }
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%0" + uri.parameters().digits() + "d", candidate);
            if (!near.contains(code)) {
                return code;
            }
        }
    }

    static JsonNode body(ApiException e) {
        try {
            return JSON.readTree(e.getResponseBody());
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** A JSON POST with the user's token, answered as raw text: for comparing whole bodies. */
    static HttpResponse<String> postAs(EmbeddedServer server, String user, String path, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Authorization", "Bearer " + TestTokens.user(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The registration's wrong codes in a row, read from its row: the API shows no count of its own. */
    static int consecutiveFailures(StartTotpRegistrationResponse started) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), "root", "");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT consecutive_failures FROM totp_registration WHERE id = ?")) {
            statement.setString(1, started.getTotpId());
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getInt(1);
            }
        }
    }

    /** Asserts the google.rpc.Status shape: numeric code, message, an ErrorInfo detail with {@code reason}. */
    static void assertStatus(ApiException e, int httpStatus, int rpcCode, String reason) {
        assertThat(e.getCode()).isEqualTo(httpStatus);
        JsonNode status = body(e);
        assertThat(status.path("code").asInt()).isEqualTo(rpcCode);
        assertThat(status.path("message").asText()).isNotBlank();
        assertThat(status.path("details").get(0).path("@type").asText())
                .isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
        assertThat(status.path("details").get(0).path("reason").asText()).isEqualTo(reason);
    }
}
