package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.VerifyTotpRegistrationRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static com.plmr.mfa.bootstrap.TotpClients.appCode;
import static com.plmr.mfa.bootstrap.TotpClients.newUser;
import static com.plmr.mfa.bootstrap.TotpClients.totpOf;
import static com.plmr.mfa.bootstrap.TotpClients.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authenticator-app answers give nothing away: a code of a time step outside the window gets
 * exactly the answer of a wrong code on both paths (challenge verify and the registration's
 * {@code _verify}), the clock drift of accepted codes goes to operators only (a meter and a log
 * line), and a registration locked by wrong codes answers its lockout on both paths.
 */
@MicronautTest(transactional = false)
class AuthenticatorAnswersEndToEndTest extends EndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    MeterRegistry meters;

    @RegisterExtension
    final RecordedLog driftLines = RecordedLog.of(MicrometerClockDrift.class, Level.INFO);

    @BeforeEach
    void setUp() {
        clock.set(T0);
    }

    @Test
    void on_a_challenge_a_code_of_another_time_gets_the_answer_of_a_wrong_code_and_costs_an_attempt_alike()
            throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse app = activeApp(user);
        clock.advance(Duration.ofMinutes(1));
        String future = appCode(app, clock.instant().plus(Duration.ofSeconds(150)));
        String past = appCode(app, clock.instant().minus(Duration.ofSeconds(150)));

        HttpResponse<String> futureAnswer = verifyApp(user, newAppChallenge(user), future);
        HttpResponse<String> pastAnswer = verifyApp(user, newAppChallenge(user), past);
        HttpResponse<String> wrongAnswer = verifyApp(user, newAppChallenge(user), wrongCode(app, clock.instant()));

        assertThat(wrongAnswer.statusCode()).isEqualTo(400);
        assertThat(futureAnswer.statusCode()).isEqualTo(pastAnswer.statusCode()).isEqualTo(400);
        JsonNode wrong = withoutRequestIds(wrongAnswer.body());
        assertThat(withoutRequestIds(futureAnswer.body())).isEqualTo(withoutRequestIds(pastAnswer.body()))
                .isEqualTo(wrong);
        assertThat(wrong.path("code").asText()).isEqualTo("urn:plmr:mfa-totp:api:INVALID_OTP");
        assertThat(wrong.path("attemptsRemaining").asInt()).isEqualTo(4);
        assertThat(wrong.path("message").asText()).startsWith("The code is wrong").contains("clock of the device")
                .doesNotContain("another time");
        assertThat(TotpClients.consecutiveFailures(app)).isEqualTo(3);
    }

    @Test
    void on_the_registrations_verify_a_code_of_another_time_gets_the_answer_of_a_wrong_code() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse app = TotpClients.start(server, user);
        String future = appCode(app, T0.plus(Duration.ofMinutes(2)));

        HttpResponse<String> futureAnswer = rawVerify(user, app, future);
        HttpResponse<String> wrongAnswer = rawVerify(user, app, wrongCode(app, T0));

        assertThat(futureAnswer.statusCode()).isEqualTo(wrongAnswer.statusCode()).isEqualTo(400);
        assertThat(withoutRequestIds(futureAnswer.body())).isEqualTo(withoutRequestIds(wrongAnswer.body()));
        assertThat(withoutRequestIds(futureAnswer.body()).path("message").asText()).doesNotContain("another time");
        assertThat(TotpClients.consecutiveFailures(app)).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        assertThat(rawVerify(user, app, future).statusCode()).isEqualTo(200);
    }

    @Test
    void the_drift_of_an_accepted_code_goes_to_a_meter_and_a_log_line_and_not_into_the_answer() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse app = TotpClients.start(server, user);
        double before = acceptedWithOffset("-1");

        HttpResponse<String> answer = rawVerify(user, app, appCode(app, T0.minusSeconds(30)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContainIgnoringCase("clock").doesNotContainIgnoringCase("drift")
                .doesNotContain("stepsOff");
        assertThat(acceptedWithOffset("-1")).isEqualTo(before + 1);
        assertThat(driftLines.messages())
                .containsExactly("totp clock drift: registration=" + app.getTotpId()
                        + " stepsOff=-1 (the device clock is behind)");
    }

    @Test
    void a_registration_locked_by_wrong_codes_on_challenges_answers_its_lockout_to_the_right_code_and_spends_nothing()
            throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse app = activeApp(user);
        clock.advance(Duration.ofMinutes(1));
        for (int challenge = 0; challenge < 2; challenge++) {
            String id = newAppChallenge(user);
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(verifyApp(user, id, wrongCode(app, clock.instant())).statusCode()).isEqualTo(400);
            }
        }
        String fresh = newAppChallenge(user);
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> locked = verifyApp(user, fresh, appCode(app, clock.instant()));
        HttpResponse<String> lockedOnVerify = rawVerify(user, app, appCode(app, clock.instant()));

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("240");
        JsonNode body = TotpClients.json(locked.body());
        assertThat(body.path("code").asText()).isEqualTo("urn:plmr:mfa-totp:api:TOO_MANY_REQUESTS");
        assertThat(body.path("retryAfterSeconds").asInt()).isEqualTo(240);
        assertThat(body.path("reason").asText()).isEqualTo("APP_LOCKED");
        assertThat(api.challenges().getChallenge(fresh).getAttemptsRemaining()).isEqualTo(5);
        assertThat(lockedOnVerify.statusCode()).isEqualTo(429);
        assertThat(lockedOnVerify.headers().firstValue("Retry-After")).contains("240");
        assertThat(lockedOnVerify.body()).contains("\"reason\":\"APP_LOCKED\"");
        clock.advance(Duration.ofMinutes(4));
        assertThat(verifyApp(user, fresh, appCode(app, clock.instant())).statusCode()).isEqualTo(200);
    }

    /** A registration activated at {@link #T0}; its enrolment code's step is used. */
    private StartTotpRegistrationResponse activeApp(String user) throws ApiException {
        StartTotpRegistrationResponse app = TotpClients.start(server, user);
        totpOf(server, user).verifyTotpRegistration(user, app.getTotpId(),
                new VerifyTotpRegistrationRequest().code(appCode(app, T0)));
        return app;
    }

    private String newAppChallenge(String user) throws ApiException {
        return api.newChallenge(user, ChallengeMethod.APP).getChallengeId();
    }

    private HttpResponse<String> verifyApp(String user, String challengeId, String code) throws Exception {
        return post("/internal/v1/mfa/totp-app/" + challengeId + ":verify", user, "{\"totp\":\"" + code + "\"}");
    }

    private HttpResponse<String> rawVerify(String user, StartTotpRegistrationResponse app, String code)
            throws Exception {
        return post("/resources/v3alpha/users/" + user + "/totp/" + app.getTotpId() + "/_verify", user,
                "{\"code\":\"" + code + "\"}");
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        return TotpClients.postAs(server, user, path, json);
    }

    /** The body with every {@code requestId} removed: the one part two answers may not share. */
    private static JsonNode withoutRequestIds(String body) {
        JsonNode json = TotpClients.json(body);
        strip(json);
        return json;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("requestId");
        }
        node.forEach(AuthenticatorAnswersEndToEndTest::strip);
    }

    private double acceptedWithOffset(String offset) {
        Counter counter = meters.find(MicrometerClockDrift.ACCEPTED).tag("offset", offset).counter();
        return counter == null ? 0 : counter.count();
    }
}
