package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.model.ChallengeMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits across challenges, on the real database, with small limits so a test can reach them. */
@MicronautTest(transactional = false)
class AbuseLimitsEndToEndTest extends EndToEndTest {

    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("mfa.abuse.sends-per-destination-per-hour", "3");
        properties.put("mfa.abuse.sends-per-destination-per-day", "5");
        properties.put("mfa.abuse.sends-per-user-per-hour", "4");
        properties.put("mfa.abuse.max-consecutive-failures", "3");
        properties.put("mfa.abuse.failure-cooldown", "4m");
        return properties;
    }

    @BeforeEach
    void setUp() {
        clock.set(java.time.Instant.parse("2026-11-24T10:00:00Z"));
    }

    private HttpResponse<String> initiate(String user, String method) throws Exception {
        String challenge = api.newChallenge(user, ChallengeMethod.SMS, ChallengeMethod.EMAIL).getChallengeId();
        return http.json("POST", "/internal/v1/mfa/totp-" + method + "/" + challenge + ":initiate",
                TestTokens.user(user), null);
    }

    private static void assertTooMany(HttpResponse<String> response, long maxSeconds, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.body()).contains("urn:plmr:mfa-totp:api:TOO_MANY_REQUESTS").contains("retryAfterSeconds")
                .contains("\"reason\":\"" + reason + "\"");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, maxSeconds);
    }

    @Test
    void a_destination_gets_at_most_its_hourly_sends_whichever_user_asks() throws Exception {
        String phone = randomPhone();
        String alice = api.newUser(phone, null);
        String mallory = api.newUser(phone, null);
        assertThat(initiate(alice, "sms").statusCode()).isEqualTo(200);
        assertThat(initiate(alice, "sms").statusCode()).isEqualTo(200);
        assertThat(initiate(mallory, "sms").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = initiate(mallory, "sms");

        assertTooMany(refused, 3600, "SEND_RATE_LIMITED");
        clock.advance(Duration.ofHours(1));
        assertThat(initiate(mallory, "sms").statusCode()).isEqualTo(200);
    }

    @Test
    void a_destination_gets_at_most_its_daily_sends_across_hours() throws Exception {
        String user = api.newUser(randomPhone(), null);
        for (int i = 0; i < 5; i++) {
            if (i == 3) {
                clock.advance(Duration.ofHours(1));
            }
            assertThat(initiate(user, "sms").statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofHours(1));

        assertTooMany(initiate(user, "sms"), 86_400, "SEND_RATE_LIMITED");
    }

    @Test
    void a_user_gets_at_most_its_hourly_sends_across_destinations() throws Exception {
        String user = api.newUser(randomPhone(), "u" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.com");
        assertThat(initiate(user, "sms").statusCode()).isEqualTo(200);
        assertThat(initiate(user, "sms").statusCode()).isEqualTo(200);
        assertThat(initiate(user, "email").statusCode()).isEqualTo(200);
        assertThat(initiate(user, "email").statusCode()).isEqualTo(200);

        assertTooMany(initiate(user, "email"), 3600, "SEND_RATE_LIMITED");
    }

    @Test
    void consecutive_failures_across_challenges_pause_verifies_until_the_cool_down_ends_and_a_success_resets_them()
            throws Exception {
        String phone = randomPhone();
        String user = api.newUser(phone, null);
        String first = sentChallenge(user);
        String firstCode = code(phone);
        assertThat(verify(user, first, wrong(firstCode)).body()).contains("INVALID_OTP");
        assertThat(verify(user, first, wrong(firstCode)).body()).contains("INVALID_OTP");
        String second = sentChallenge(user);
        assertThat(verify(user, second, wrong(code(phone))).body()).contains("INVALID_OTP");
        String third = sentChallenge(user);
        String thirdCode = code(phone);

        HttpResponse<String> paused = verify(user, third, thirdCode);

        assertTooMany(paused, 240, "VERIFY_RATE_LIMITED");
        clock.advance(Duration.ofMinutes(4));
        assertThat(verify(user, third, thirdCode).statusCode()).isEqualTo(200);
        HttpResponse<String> afterReset = verify(user, first, wrong(firstCode));
        assertThat(afterReset.statusCode()).isEqualTo(400);
        assertThat(afterReset.body()).contains("INVALID_OTP");
    }

    private String sentChallenge(String user) throws Exception {
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        HttpResponse<String> sent = http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":initiate",
                TestTokens.user(user), null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        dispatcher.dispatchDue();
        return challenge;
    }

    private HttpResponse<String> verify(String user, String challenge, String code) {
        return http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":verify", TestTokens.user(user),
                "{\"totp\":\"" + code + "\"}");
    }

    private String code(String phone) {
        return provider.lastTo(phone).orElseThrow().code().digits();
    }

    private static String wrong(String code) {
        return (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);
    }

    private static String randomPhone() {
        return "+49152" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }
}
