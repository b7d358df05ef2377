package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The service reads its input exactly by the spec's rules: JSON types, optional bodies, methods, lengths. */
@MicronautTest(transactional = false)
class InputRulesEndToEndTest extends EndToEndTest {

    private static final String PHONE = "+4915100000091";
    private static final String EMOJI = "\uD83D\uDCB6";

    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;
    String service;

    @BeforeEach
    void setUp() {
        service = TestTokens.service("payments", TestTokens.ALL_SCOPES);
    }

    @Test
    void a_code_sent_as_a_json_number_is_an_invalid_value_and_spends_no_attempt() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        dispatcher.dispatchDue();
        String code = provider.lastTo(PHONE).orElseThrow().code().digits();

        HttpResponse<String> response = http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge.getChallengeId()
                + ":verify", TestTokens.user(user), "{\"totp\":" + Integer.parseInt(code) + "}");

        assertInvalidValue(response, "totp");
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getAttemptsRemaining()).isEqualTo(5);
    }

    @Test
    void a_user_id_sent_as_a_json_number_is_an_invalid_value() {
        HttpResponse<String> response = http.json("POST", "/internal/v1/mfa/challenges", service,
                "{\"userId\":5,\"context\":{\"operation\":\"payment\",\"reference\":\"pay-1\"}}");

        assertInvalidValue(response, "userId");
    }

    @Test
    void an_integer_sent_as_a_string_is_an_invalid_value_in_the_resource_error_shape() {
        HttpResponse<String> response = http.json("POST", "/resources/v3alpha/users/u-typed/totp",
                TestTokens.user("u-typed"), "{\"digits\":\"8\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":3").contains("\"field\":\"digits\"");
    }

    @Test
    void a_wrongly_typed_field_in_a_chunked_body_is_an_invalid_value_too() {
        String body = "{\"userId\":5,\"context\":{\"operation\":\"payment\",\"reference\":\"pay-1\"}}";
        String request = "POST /internal/v1/mfa/challenges HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + service + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";

        RawSocket.Answer answer = new RawSocket(server).exchange(request.getBytes(StandardCharsets.UTF_8), true);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("{\"code\":\"urn:plmr:mfa-totp:api:INVALID_VALUE\"")
                .contains("\"field\":\"userId\"");
    }

    @Test
    void a_wrongly_typed_body_without_a_token_is_unauthorized_first() {
        HttpResponse<String> response = http.json("POST", "/internal/v1/mfa/challenges", null, "{\"userId\":5}");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_totp_registration_starts_without_a_body_as_the_spec_makes_it_optional() {
        HttpResponse<String> response = http.send("POST", "/resources/v3alpha/users/u-bodiless/totp",
                TestTokens.user("u-bodiless"), null, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"totpId\"").contains("otpauth://totp/");
    }

    @ParameterizedTest(name = "{0} {1} is 405 with Allow: POST")
    @CsvSource({"GET, consume", "HEAD, consume", "GET, cancel", "HEAD, cancel", "PUT, consume"})
    void a_custom_method_path_answers_405_to_other_methods(String method, String verb) throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);

        HttpResponse<String> response = http.send(method, "/internal/v1/mfa/challenges/" + challenge.getChallengeId()
                + ":" + verb, service, null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        if (!method.equals("HEAD")) {
            assertThat(response.body()).contains("\"code\":\"urn:plmr:mfa-totp:api:RESOURCE_UNKNOWN\"")
                    .contains("\"requestId\"");
        }
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getStatus().getValue()).isEqualTo("pending");
    }

    @Test
    void the_plain_challenge_path_still_reads_the_challenge() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);

        assertThat(http.send("GET", "/internal/v1/mfa/challenges/" + challenge.getChallengeId(), service, null, null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void a_summary_of_41_emoji_is_41_characters_and_accepted() {
        HttpResponse<String> response = http.json("POST", "/internal/v1/mfa/challenges", service, createBody(EMOJI.repeat(41)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"summary\":\"" + "\\uD83D\\uDCB6".repeat(41) + "\"");
    }

    @Test
    void a_summary_of_80_emoji_is_accepted_and_81_characters_are_refused() {
        assertThat(http.json("POST", "/internal/v1/mfa/challenges", service, createBody(EMOJI.repeat(80)))
                .statusCode()).isEqualTo(201);

        assertInvalidValue(http.json("POST", "/internal/v1/mfa/challenges", service, createBody(EMOJI.repeat(81))),
                "context.summary");
    }

    private static String createBody(String summary) {
        return "{\"userId\":\"u-emoji\",\"context\":{\"operation\":\"payment\",\"reference\":\"pay-1\",\"summary\":\""
                + summary + "\"}}";
    }

    private static void assertInvalidValue(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"urn:plmr:mfa-totp:api:BAD_REQUEST\"")
                .contains("{\"code\":\"urn:plmr:mfa-totp:api:INVALID_VALUE\"")
                .contains("\"field\":\"" + field + "\"");
    }
}
