package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.VerifyTotpRegistrationRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;

import static com.plmr.mfa.bootstrap.TotpClients.appCode;
import static com.plmr.mfa.bootstrap.TotpClients.totpOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A code whose form cannot match the method's configured length (SMS 6 and e-mail 8 digits by
 * default, the registration's digits for an app) is refused like any malformed field, with 400
 * and a field error, and spends no attempt, whichever path it takes.
 */
@MicronautTest(transactional = false)
class CodeFormEndToEndTest extends EndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @BeforeEach
    void setUp() {
        clock.set(T0);
    }

    @Test
    void an_sms_code_of_seven_digits_is_a_field_error_and_spends_no_attempt() throws Exception {
        String user = api.newUser(ApiFixture.newPhone(), null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        api.sms(user).initiateSms(challenge, null);

        assertFieldError(post("/internal/v1/mfa/totp-sms/" + challenge + ":verify", user, "{\"totp\":\"1234567\"}"),
                "totp", "must be 6 digits");
        assertFieldError(post("/internal/v1/mfa/totp-sms/" + challenge + ":verify", user, "{\"totp\":\"12345\"}"),
                "totp", "must be 6 to 9 digits");
        assertThat(api.challenges().getChallenge(challenge).getAttemptsRemaining()).isEqualTo(5);
    }

    @Test
    void an_email_code_of_six_digits_is_a_field_error_and_spends_no_attempt() throws Exception {
        String user = api.newUser(null, "form-" + System.nanoTime() + "@example.com");
        String challenge = api.newChallenge(user, ChallengeMethod.EMAIL).getChallengeId();
        api.email(user).initiateEmail(challenge, null);

        assertFieldError(post("/internal/v1/mfa/totp-email/" + challenge + ":verify", user, "{\"totp\":\"123456\"}"),
                "totp", "must be 8 digits");
        assertThat(api.challenges().getChallenge(challenge).getAttemptsRemaining()).isEqualTo(5);
    }

    @Test
    void an_app_code_of_another_length_than_the_registrations_is_a_field_error_on_both_paths() throws Exception {
        String user = TotpClients.newUser();
        StartTotpRegistrationResponse app = TotpClients.start(server, user);
        totpOf(server, user).verifyTotpRegistration(user, app.getTotpId(),
                new VerifyTotpRegistrationRequest().code(appCode(app, T0)));
        String challenge = api.newChallenge(user, ChallengeMethod.APP).getChallengeId();

        assertFieldError(post("/internal/v1/mfa/totp-app/" + challenge + ":verify", user, "{\"totp\":\"12345678\"}"),
                "totp", "must be 6 digits");
        assertThat(api.challenges().getChallenge(challenge).getAttemptsRemaining()).isEqualTo(5);

        String verify = "/resources/v3alpha/users/" + user + "/totp/" + app.getTotpId() + "/_verify";
        assertViolation(post(verify, user, "{\"code\":\"1234567\"}"), "code", "must be 6 digits");
        assertViolation(post(verify, user, "{\"code\":\"12345a\"}"), "code", "must be 6 to 9 digits");
        assertThat(TotpClients.consecutiveFailures(app)).isZero();
    }

    private static void assertFieldError(HttpResponse<String> answer, String field, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode body = TotpClients.json(answer.body());
        assertThat(body.path("code").asText()).isEqualTo("urn:plmr:mfa-totp:api:BAD_REQUEST");
        assertThat(body.path("fieldErrors")).hasSize(1);
        assertThat(body.path("fieldErrors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(body.path("fieldErrors").get(0).path("code").asText())
                .isEqualTo("urn:plmr:mfa-totp:api:INVALID_VALUE");
        assertThat(body.path("fieldErrors").get(0).path("message").asText()).isEqualTo(message);
        assertThat(body.has("attemptsRemaining")).isFalse();
    }

    private static void assertViolation(HttpResponse<String> answer, String field, String description) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode status = TotpClients.json(answer.body());
        assertThat(status.path("code").asInt()).isEqualTo(3);
        JsonNode violation = status.path("details").get(1).path("fieldViolations").get(0);
        assertThat(violation.path("field").asText()).isEqualTo(field);
        assertThat(violation.path("description").asText()).isEqualTo(description);
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        return TotpClients.postAs(server, user, path, json);
    }
}
