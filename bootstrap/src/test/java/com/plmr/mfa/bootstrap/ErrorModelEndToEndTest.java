package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error, the framework's own included, is answered in the spec's error model with a request id. */
@MicronautTest(transactional = false)
class ErrorModelEndToEndTest extends EndToEndTest {

    private static final String VERIFY = "/internal/v1/mfa/totp-sms/ch_unknown000000000000000:verify";

    String userToken;

    @BeforeEach
    void setUp() {
        userToken = TestTokens.user("u-errors");
    }

    @Test
    void an_unknown_route_is_resource_unknown_with_the_request_id_in_body_and_header() {
        HttpResponse<String> response = http.send("GET", "/internal/v1/no-such-thing", userToken, null, null);
        assertError(response, 404, "RESOURCE_UNKNOWN");
    }

    @Test
    void a_caller_request_id_is_kept_when_well_formed_and_replaced_otherwise() {
        HttpResponse<String> kept = http.send("GET", "/internal/v1/no-such-thing", userToken, null, null,
                "X-Request-Id", "consumer-42.a_b");
        assertThat(kept.headers().firstValue("X-Request-Id")).contains("consumer-42.a_b");
        assertThat(kept.body()).contains("\"requestId\":\"consumer-42.a_b\"");

        HttpResponse<String> replaced = http.send("GET", "/internal/v1/no-such-thing", userToken, null, null,
                "X-Request-Id", "<script>alert(1)</script>");
        assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).doesNotContain("script").isNotBlank();
    }

    @Test
    void malformed_json_is_a_bad_request() {
        assertError(http.json("POST", VERIFY, userToken, "{\"totp\":"), 400, "BAD_REQUEST");
    }

    @Test
    void a_body_that_is_not_json_is_a_bad_request_with_status_415() {
        assertError(http.send("POST", VERIFY, userToken, "text/plain", "123456"),
                415, "BAD_REQUEST");
    }

    @Test
    void a_missing_totp_is_not_null_on_field_totp() {
        HttpResponse<String> response = http.json("POST", VERIFY, userToken, "{}");
        assertError(response, 400, "BAD_REQUEST");
        assertThat(response.body()).contains("\"code\":\"urn:plmr:mfa-totp:api:NOT_NULL\"").contains("\"field\":\"totp\"");
    }

    @Test
    void a_blank_totp_is_not_blank_on_field_totp() {
        HttpResponse<String> response = http.json("POST", VERIFY, userToken, "{\"totp\":\"   \"}");
        assertError(response, 400, "BAD_REQUEST");
        assertThat(response.body()).contains("\"code\":\"urn:plmr:mfa-totp:api:NOT_BLANK\"").contains("\"field\":\"totp\"");
    }

    @Test
    void a_totp_that_is_not_digits_is_an_invalid_value() {
        HttpResponse<String> response = http.json("POST", VERIFY, userToken, "{\"totp\":\"12ab56\"}");
        assertError(response, 400, "BAD_REQUEST");
        assertThat(response.body()).contains("urn:plmr:mfa-totp:api:INVALID_VALUE").contains("\"field\":\"totp\"");
    }

    @Test
    void a_malformed_challenge_id_is_rejected_before_it_reaches_storage() {
        HttpResponse<String> response = http.json("POST", "/internal/v1/mfa/totp-sms/bad'id:verify", userToken,
                "{\"totp\":\"123456\"}");
        assertThat(response.statusCode()).isIn(400, 404);
        assertThat(response.body()).contains("urn:plmr:mfa-totp:api:").doesNotContain("SQL");
    }

    @Test
    void a_wrong_method_is_answered_in_the_error_model() {
        HttpResponse<String> response = http.send("DELETE", VERIFY, userToken, null, null);
        assertError(response, 405, "RESOURCE_UNKNOWN");
    }

    @Test
    void a_missing_token_is_unauthorized_in_the_error_model() {
        HttpResponse<String> response = http.send("POST", VERIFY, null, "application/json", "{\"totp\":\"123456\"}");
        assertError(response, 401, "UNAUTHORIZED");
    }

    @Test
    void resources_answer_errors_in_the_google_rpc_status_shape() {
        HttpResponse<String> response = http.send("GET", "/resources/v3alpha/users/u-1/phone", null, null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":16").contains("\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\"");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void an_unexpected_failure_is_an_internal_server_error_without_details_logged_once() {
        String framework = "io.micronaut.http.server.RouteExecutor";
        try (RecordedLog failures = RecordedLog.of("com.plmr.mfa.adapter.in.rest", Level.ERROR)
                .and(framework, LoggingConfiguration.LEVELS.get(framework)).start()) {
            HttpResponse<String> response = http.send("GET", "/internal/v1/test-only/failure", null, null, null);
            assertError(response, 500, "INTERNAL_SERVER_ERROR");
            assertThat(response.body()).doesNotContain("secret-internal-detail").doesNotContain("com.example")
                    .doesNotContain("Exception");
            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(failures.events()).as("the details go to the log once, under the request's id, at the service's levels")
                    .singleElement().satisfies(event -> {
                        assertThat(event.getMDCPropertyMap()).containsEntry("requestId", requestId);
                        assertThat(event.getThrowableProxy()).isNotNull();
                    });
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).contains("\"code\":\"urn:plmr:mfa-totp:api:" + code + "\"");
        assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(response.body()).contains("\"requestId\":\"" + requestId + "\"");
    }
}
