package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer of the service must carry, and what every error answer must look like: an
 * {@code X-Request-Id}, the security headers, and for errors a JSON body in the error model of
 * its path ({@code ErrorResponse} under {@code /internal}, {@code google.rpc.Status} under
 * {@code /resources}) holding the same request id.
 */
final class ErrorModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    /** The one answer a cache may keep, for five minutes: the published keys of step-up assertions. */
    private static final String PUBLISHED_KEYS = "/.well-known/jwks.json";

    private ErrorModel() {
    }

    static JsonNode assertAnswer(String path, RawSocket.Answer answer) {
        return assertAnswer(path, answer.status(), answer::header, answer.body());
    }

    static JsonNode assertAnswer(String path, HttpResponse<String> response) {
        return assertAnswer(path, response.statusCode(), name -> response.headers().firstValue(name), response.body());
    }

    /** The headers every answer carries, a body or not ({@code HEAD}). */
    static void assertHeaders(String what, Function<String, Optional<String>> header) {
        assertThat(header.apply("X-Request-Id").orElse("")).as("X-Request-Id of " + what).isNotBlank();
        SECURITY_HEADERS.forEach((name, value) -> {
            if (name.equals("Cache-Control") && what.contains(PUBLISHED_KEYS)) {
                assertThat(header.apply(name)).as(name + " of " + what).get().isIn(value, "public, max-age=300");
            } else {
                assertThat(header.apply(name)).as(name + " of " + what).contains(value);
            }
        });
        assertThat(header.apply("Content-Security-Policy")).as("CSP of " + what).isPresent();
    }

    /** @return the parsed error body, or {@code null} for a success */
    static JsonNode assertAnswer(String path, int status, Function<String, Optional<String>> header, String body) {
        String what = status + " " + path + ": " + body;
        assertHeaders(what, header);
        String requestId = header.apply("X-Request-Id").orElseThrow();
        if (status < 400) {
            return null;
        }
        assertThat(header.apply("Content-Type").orElse("")).as("content type of " + what).startsWith("application/json");
        JsonNode error = parse(body, what);
        if (path.startsWith("/resources/")) {
            assertThat(error.path("code").isInt()).as("google.rpc.Status code of " + what).isTrue();
            assertThat(error.path("message").isTextual()).as("message of " + what).isTrue();
            assertThat(error.path("details").path(0).path("metadata").path("requestId").asText())
                    .as("requestId of " + what).isEqualTo(requestId);
        } else {
            assertThat(error.path("code").asText()).as("code of " + what).startsWith("urn:plmr:mfa-totp:api:");
            assertThat(error.path("message").isTextual()).as("message of " + what).isTrue();
            assertThat(error.path("requestId").asText()).as("requestId of " + what).isEqualTo(requestId);
        }
        return error;
    }

    private static JsonNode parse(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + what, e);
        }
    }
}
