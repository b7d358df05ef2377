package com.plmr.mfa.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at the HTTP edge: request lines and header sections beyond the limits, lines
 * that do not parse, language and encoding headers that break the framework. Each gets a 4xx in
 * the error model of its path with the request id and the security headers, never a 5xx.
 */
@MicronautTest(transactional = false)
class HttpEdgeEndToEndTest extends EndToEndTest {

    private static final String SERVICE = "Authorization: Bearer " + TestTokens.service("payments", TestTokens.ALL_SCOPES);
    private static final String INTERNAL = "/internal/v1/mfa/challenges/";
    private static final String RESOURCES = "/resources/v3alpha/users/";

    RawSocket socket;

    @BeforeEach
    void setUp() {
        socket = new RawSocket(server);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {";", ",", ";;;", "de;q=2", "*;q=x, ;"})
    void a_malformed_accept_language_is_ignored_on_every_kind_of_endpoint(String language) {
        RawSocket.Answer health = socket.send("GET", "/health", List.of("Accept-Language: " + language), null);
        RawSocket.Answer create = socket.send("POST", INTERNAL, List.of(SERVICE, "Accept-Language: " + language,
                "Content-Type: application/json"), "{\"userId\":\"u-edge\",\"context\":{\"operation\":\"p\",\"reference\":\"r\"}}");
        RawSocket.Answer phone = socket.send("GET", RESOURCES + "u-edge/phone", List.of(SERVICE, "Accept-Language: " + language), null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(create.status()).as(create.body()).isEqualTo(201);
        assertThat(phone.status()).as(phone.body()).isEqualTo(404);
        ErrorModel.assertAnswer(RESOURCES, phone);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {";", ",", "utf-8;q=x", "iso-8859-1"})
    void a_malformed_accept_charset_is_ignored(String charset) {
        assertThat(socket.send("GET", "/health", List.of("Accept-Charset: " + charset), null).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {5_000, 10_000, 70_000})
    void a_request_line_too_long_is_414_in_the_error_model_of_its_path(int length) {
        String id = "a".repeat(length);

        RawSocket.Answer internal = socket.send("GET", INTERNAL + id, List.of(SERVICE), null);
        RawSocket.Answer resources = socket.send("PUT", RESOURCES + id + "/phone", List.of(SERVICE), "{}");

        assertThat(internal.statusLine()).startsWith("HTTP/1.1 414");
        assertThat(ErrorModel.assertAnswer(INTERNAL, internal).path("message").asText()).isEqualTo("The request URI is too long");
        assertThat(resources.statusLine()).startsWith("HTTP/1.1 414");
        assertThat(ErrorModel.assertAnswer(RESOURCES, resources).path("code").asInt()).isEqualTo(3);
    }

    @Test
    void headers_over_8_kb_are_431_in_the_error_model_of_the_path_keeping_the_callers_request_id() {
        List<String> headers = List.of("X-Request-Id: edge-431", SERVICE, "X-Padding: " + "p".repeat(9_000), "Accept: */*");

        RawSocket.Answer internal = socket.send("GET", INTERNAL + "c1", headers, null);
        RawSocket.Answer resources = socket.send("GET", RESOURCES + "u-1/phone", headers, null);

        assertThat(internal.statusLine()).startsWith("HTTP/1.1 431");
        assertThat(internal.header("X-Request-Id")).contains("edge-431");
        ErrorModel.assertAnswer(INTERNAL, internal);
        assertThat(resources.status()).isEqualTo(431);
        assertThat(ErrorModel.assertAnswer(RESOURCES, resources).path("message").asText())
                .isEqualTo("The request headers are too large");
    }

    @Test
    void a_header_line_that_does_not_parse_is_400_in_the_error_model_of_the_path() {
        RawSocket.Answer answer = socket.send("GET", RESOURCES + "u-1/phone", List.of(SERVICE, "Not a header"), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(ErrorModel.assertAnswer(RESOURCES, answer).path("message").asText()).isEqualTo("The request is malformed");
    }

    @Test
    void a_client_cannot_send_the_edge_marker() {
        RawSocket.Answer answer = socket.send("GET", "/health", List.of("X-Mfa-Edge-Refusal: URI_TOO_LONG"), null);

        assertThat(answer.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"*", "snappy, *", "*;q=0.5, identity;q=0.1", "gzip"})
    void any_coding_is_answered_in_gzip_never_snappy(String accepted) {
        RawSocket.Answer spec = socket.send("GET", "/openapi/mfa-totp.yaml", List.of("Accept-Encoding: " + accepted), null);

        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.header("Content-Encoding")).contains("gzip");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"snappy", "zstd", "br", "identity", ";", "gzip;q=0"})
    void codings_clients_cannot_decode_get_an_uncompressed_answer(String accepted) {
        RawSocket.Answer spec = socket.send("GET", "/openapi/mfa-totp.yaml", List.of("Accept-Encoding: " + accepted), null);

        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.header("Content-Encoding")).isEmpty();
        assertThat(spec.body()).startsWith("openapi: ");
    }
}
