package com.plmr.mfa.client;

import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.ErrorCode;
import com.plmr.mfa.client.model.ErrorResponse;
import com.plmr.mfa.client.model.FieldErrorCode;
import com.plmr.mfa.client.model.Status;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApiException#getErrorResponse()} and {@link ApiException#getRpcStatus()} on the bodies the
 * service answered (src/test/resources/error-bodies, recorded from a running service in the dev
 * environment: the file names say which request), and on bodies a consumer can meet besides.
 */
class ApiExceptionErrorBodiesTest {

    @Test
    void reads_an_unknown_challenge_as_an_error_response() {
        ApiException refusal = refusal(404, "consume-unknown");

        ErrorResponse error = refusal.getErrorResponse().orElseThrow();

        assertThat(error.getCode()).isEqualTo(ErrorCode.CHALLENGE_NOT_FOUND);
        assertThat(error.getMessage()).isEqualTo("No challenge with this id");
        assertThat(error.getRequestId()).isEqualTo("b2bdf133-e49b-43a4-84b8-fa62add7e85c");
        assertThat(refusal.getRpcStatus()).isEmpty();
    }

    @Test
    void reads_the_field_errors_the_attempts_left_the_challenge_status_and_the_wait() {
        ErrorResponse missing = refusal(400, "create-missing-user").getErrorResponse().orElseThrow();
        assertThat(missing.getCode()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(missing.getFieldErrors()).singleElement().satisfies(field -> {
            assertThat(field.getField()).isEqualTo("userId");
            assertThat(field.getCode()).isEqualTo(FieldErrorCode.NOT_NULL);
        });

        ErrorResponse wrong = refusal(400, "verify-wrong").getErrorResponse().orElseThrow();
        assertThat(wrong.getCode()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(wrong.getAttemptsRemaining()).isEqualTo(4);

        ErrorResponse pending = refusal(409, "consume-pending").getErrorResponse().orElseThrow();
        assertThat(pending.getChallengeStatus()).isEqualTo(ChallengeStatus.PENDING);

        ErrorResponse cooldown = refusal(429, "resend-cooldown").getErrorResponse().orElseThrow();
        assertThat(cooldown.getCode()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
        assertThat(cooldown.getRetryAfterSeconds()).isEqualTo(29);
    }

    @Test
    void reads_a_v3alpha_refusal_as_a_google_rpc_status_with_its_details() {
        ApiException refusal = refusal(400, "phone-invalid");

        Status status = refusal.getRpcStatus().orElseThrow();

        assertThat(status.getCode()).isEqualTo(3);
        assertThat(status.getMessage()).isEqualTo("The request has invalid fields");
        // Any (additionalProperties: true) is generated as a HashMap, and Jackson fills it as a map
        assertThat(status.getDetails()).extracting(detail -> detail.get("@type")).containsExactly(
                "type.googleapis.com/google.rpc.ErrorInfo", "type.googleapis.com/google.rpc.BadRequest");
        assertThat(status.getDetails().get(0).get("reason")).isEqualTo("BAD_REQUEST");
        assertThat(status.getDetails().get(1).get("fieldViolations"))
                .isEqualTo(List.of(Map.of("field", "phone", "description", "must be an E.164 number such as +4915112345678")));
        assertThat(refusal.getErrorResponse()).isEmpty();
    }

    @Test
    void tells_the_two_shapes_apart_by_their_code_on_every_recorded_refusal() {
        assertThat(refusal(403, "phone-other-user").getRpcStatus()).hasValueSatisfying(s -> assertThat(s.getCode()).isEqualTo(7));
        assertThat(refusal(401, "totp-no-token").getRpcStatus()).hasValueSatisfying(s -> assertThat(s.getCode()).isEqualTo(16));
        for (String internal : List.of("consume-unknown", "create-missing-user", "verify-wrong", "consume-pending",
                "resend-cooldown")) {
            assertThat(refusal(400, internal).getRpcStatus()).as(internal).isEmpty();
        }
        for (String resource : List.of("phone-other-user", "phone-invalid", "totp-no-token")) {
            assertThat(refusal(400, resource).getErrorResponse()).as(resource).isEmpty();
        }
    }

    @Test
    void reads_a_code_and_a_field_newer_than_the_sdk_without_failing() {
        ApiException refusal = new ApiException(409, "refused", HttpHeaders.of(Map.of(), (k, v) -> true),
                "{\"code\":\"urn:plmr:mfa-totp:api:CHALLENGE_NOT_VERIFIED\",\"message\":\"Not verified yet\","
                        + "\"requestId\":\"r-1\",\"reason\":\"NOT_VERIFIED\",\"challengeStatus\":\"paused\"}");

        ErrorResponse error = refusal.getErrorResponse().orElseThrow();

        assertThat(error.getCode()).isEqualTo(ErrorCode.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(error.getChallengeStatus()).isEqualTo(ChallengeStatus.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(error.getMessage()).isEqualTo("Not verified yet");
    }

    @Test
    void reads_nothing_from_an_answer_that_is_not_the_services() {
        for (String body : new String[] {null, "", "<html><body>502 Bad Gateway</body></html>", "[]", "null",
                "{\"error\":\"upstream\"}", "{\"code\":true}"}) {
            ApiException refusal = new ApiException(502, "bad gateway", HttpHeaders.of(Map.of(), (k, v) -> true), body);

            assertThat(refusal.getErrorResponse()).as(body).isEmpty();
            assertThat(refusal.getRpcStatus()).as(body).isEmpty();
        }
    }

    private static ApiException refusal(int status, String recorded) {
        return new ApiException(status, "refused", HttpHeaders.of(Map.of(), (k, v) -> true), body(recorded));
    }

    private static String body(String recorded) {
        try (InputStream in = ApiExceptionErrorBodiesTest.class.getResourceAsStream("/error-bodies/" + recorded + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
