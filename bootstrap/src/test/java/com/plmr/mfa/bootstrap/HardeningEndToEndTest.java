package com.plmr.mfa.bootstrap;

import com.plmr.mfa.client.model.ChallengeMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Size and type limits, strict JSON, path ids checked before SQL, security headers everywhere. */
@MicronautTest(transactional = false)
class HardeningEndToEndTest extends EndToEndTest {

    private static final String SERVICE = TestTokens.service("payments", TestTokens.ALL_SCOPES);

    @Test
    void a_body_over_16_kb_is_413_in_the_error_model() {
        String big = "{\"totp\":\"" + "1".repeat(17 * 1024) + "\"}";

        HttpResponse<String> internal = http.json("POST", "/internal/v1/mfa/totp-sms/c1:verify", SERVICE, big);
        HttpResponse<String> resources = http.json("PUT", "/resources/v3alpha/users/u-1/phone", SERVICE, big);

        assertThat(internal.statusCode()).isEqualTo(413);
        assertThat(internal.body()).contains("urn:plmr:mfa-totp:api:BAD_REQUEST").contains("too large");
        assertThat(resources.statusCode()).isEqualTo(413);
        assertThat(resources.body()).contains("\"code\":3");
    }

    @Test
    void a_body_that_is_not_json_is_415_in_the_error_model() {
        HttpResponse<String> response = http.send("POST", "/internal/v1/mfa/totp-sms/c1:verify", SERVICE,
                "text/plain", "totp=123456");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("urn:plmr:mfa-totp:api:BAD_REQUEST").contains("application/json");
    }

    @Test
    void a_field_of_the_wrong_type_is_400_naming_the_field() {
        HttpResponse<String> response = http.json("POST", "/internal/v1/mfa/totp-sms/c1:verify", SERVICE,
                "{\"totp\":{\"a\":1}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("urn:plmr:mfa-totp:api:BAD_REQUEST")
                .contains("\"field\":\"totp\"").contains("urn:plmr:mfa-totp:api:INVALID_VALUE");
    }

    @Test
    void a_wrongly_typed_list_in_a_create_request_is_400_naming_the_field() {
        HttpResponse<String> response = http.json("POST", "/internal/v1/mfa/challenges", SERVICE,
                "{\"userId\":5,\"allowedMethods\":\"x\",\"context\":{\"operation\":\"p\",\"reference\":\"r\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"allowedMethods\"")
                .contains("urn:plmr:mfa-totp:api:INVALID_VALUE");
    }

    @Test
    void unknown_json_properties_are_ignored() throws Exception {
        String user = api.newUser("+4915100000001", null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();

        HttpResponse<String> response = http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":verify",
                TestTokens.user(user), "{\"totp\":\"123456\",\"surprise\":{\"nested\":[1,2]}}");

        assertThat(response.body()).contains("urn:plmr:mfa-totp:api:INVALID_OTP").doesNotContain("surprise");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"' OR '1'='1", "c1;DROP TABLE challenge", "../../etc/passwd", "%00", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void a_malicious_challenge_id_is_400_before_it_reaches_sql(String id) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");

        HttpResponse<String> response = http.json("GET", "/internal/v1/mfa/challenges/" + encoded, SERVICE, null);

        assertThat(response.statusCode()).as(response.body()).isIn(400, 404);
        assertThat(response.statusCode()).isNotEqualTo(500);
        if (response.statusCode() == 400) {
            assertThat(response.body()).contains("\"field\":\"challengeId\"");
        }
    }

    @Test
    void a_malicious_user_id_is_400_before_it_reaches_sql() {
        HttpResponse<String> response = http.json("GET", "/resources/v3alpha/users/"
                + URLEncoder.encode("u' OR 1=1 --", StandardCharsets.UTF_8).replace("+", "%20") + "/phone", SERVICE, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":3").contains("\"field\":\"id\"");
    }

    @Test
    void the_development_token_endpoint_is_absent_outside_the_dev_environment() {
        HttpResponse<String> response = http.json("POST", "/dev/tokens", null, "{\"sub\":\"u-1\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("urn:plmr:mfa-totp:api:RESOURCE_UNKNOWN");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ok", "unauthorized", "not found", "bad request", "health"})
    void every_response_carries_the_security_headers(String kind) {
        HttpResponse<String> response;
        switch (kind) {
            case "ok":
                response = http.json("PUT", "/resources/v3alpha/users/u-headers/email", SERVICE,
                        "{\"email\":\"h@example.com\"}");
                break;
            case "unauthorized":
                response = http.json("GET", "/internal/v1/mfa/challenges/c1", null, null);
                break;
            case "not found":
                response = http.json("GET", "/internal/v1/nothing-here", SERVICE, null);
                break;
            case "health":
                response = http.json("GET", "/health", null, null);
                break;
            default:
                response = http.json("POST", "/internal/v1/mfa/challenges", SERVICE, "{}");
        }

        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .contains("default-src 'none'; frame-ancestors 'none'");
    }
}
