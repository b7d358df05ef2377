package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.ChallengesApi;
import com.plmr.mfa.client.api.RecoveryCodeApi;
import com.plmr.mfa.client.api.UserRecoveryCodesApi;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.RecoveryCodes;
import com.plmr.mfa.client.model.StepUpMethod;
import com.plmr.mfa.client.model.VerifyRecoveryCodeRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovering access with a recovery code over HTTP, on the real database: a code answers a challenge
 * that allows it, once (also when requests race), the answers to a used, foreign or made-up code are
 * one and the same, and the step-up assertion says a recovery code was used.
 */
@MicronautTest(transactional = false)
class RecoveryCodeChallengeEndToEndTest extends EndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final String VERIFY = "/internal/v1/mfa/recovery-code/%s:verify";

    private final Map<String, String> database = TestDatabase.properties();
    private final RetentionRows rows = new RetentionRows(database);
    private final AuditRows audit = new AuditRows(database);

    /** Every racing request is evaluated: none is shed, nor refused for waiting on the pool. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.http.max-concurrent-requests", "1000");
        properties.put("mfa.database.connection-timeout", "60s");
        return properties;
    }

    @BeforeEach
    void resetClock() {
        clock.set(T0);
    }

    private List<String> codesOf(String user) throws ApiException {
        return new UserRecoveryCodesApi(api.user(user)).generateRecoveryCodes(user).getCodes();
    }

    private Challenge verify(String user, Challenge challenge, String code) throws ApiException {
        return new RecoveryCodeApi(api.user(user)).verifyRecoveryCode(challenge.getChallengeId(),
                new VerifyRecoveryCodeRequest().code(code));
    }

    private HttpResponse<String> rawVerify(String user, Challenge challenge, String code) {
        ObjectNode body = TotpClients.json("{}").deepCopy();
        body.put("code", code);
        return http.json("POST", VERIFY.formatted(challenge.getChallengeId()), TestTokens.user(user), body.toString());
    }

    private static JsonNode withoutRequestId(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("requestId");
        return copy;
    }

    private int usedCodes(String user) {
        return rows.ids("SELECT user_id FROM recovery_code WHERE used_at IS NOT NULL AND user_id = '" + user + "'")
                .size();
    }

    @Test
    void a_user_who_lost_the_phone_steps_up_with_a_recovery_code_and_the_assertion_says_so() throws Exception {
        String user = TotpClients.newUser();
        String code = codesOf(user).get(3);
        Challenge challenge = api.challengeAllowing(user, StepUpMethod.APP, StepUpMethod.RECOVERY);
        assertThat(challenge.getAllowedMethods()).containsExactly(ChallengeMethod.APP);
        assertThat(challenge.getMethods()).containsExactly("app", "recovery");

        Challenge verified = verify(user, challenge, code.toUpperCase().replace("-", ""));

        assertThat(verified.getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(verified.getVerifiedBy()).isEqualTo("recovery");
        assertThat(verified.getVerifiedMethod()).isNull();
        Challenge consumed = new ChallengesApi(api.service()).consumeChallenge(challenge.getChallengeId());
        JWTClaimsSet claims = SignedJWT.parse(consumed.getAssertion()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("amr")).containsExactly("otp", "recovery");
        assertThat(claims.getStringClaim("acr")).isEqualTo("urn:plmr:mfa-totp:acr:recovery-code");
        RecoveryCodes left = new UserRecoveryCodesApi(api.user(user)).getRecoveryCodes(user);
        assertThat(left.getRemaining()).isEqualTo(9);
        assertThat(left.getLastUsed().toInstant()).isEqualTo(T0);
        // all at T0 on the test clock, so in no particular order
        assertThat(audit.decisionsOf(user)).containsExactlyInAnyOrder("recovery_codes.generated", "challenge.created",
                "recovery_code.used", "verify.succeeded", "challenge.consumed");
        assertThat(audit.where("user_id", user)).filteredOn(event -> "verify.succeeded".equals(event.get("type")))
                .singleElement().satisfies(event -> assertThat(event.get("method")).isEqualToIgnoringCase("recovery"));
    }

    @Test
    void a_used_code_a_replaced_code_and_a_made_up_code_get_one_and_the_same_answer() throws Exception {
        String user = TotpClients.newUser();
        String replaced = codesOf(user).get(0);
        String used = codesOf(user).get(0);
        verify(user, api.challengeAllowing(user, StepUpMethod.RECOVERY), used);

        List<JsonNode> answers = new ArrayList<>();
        for (String code : List.of(used, replaced, "2222-2222-2222")) {
            answers.add(TotpClients.json(rawVerify(user, api.challengeAllowing(user, StepUpMethod.RECOVERY), code)
                    .body()));
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.path("code").asText()).isEqualTo("urn:plmr:mfa-totp:api:INVALID_OTP");
            assertThat(answer.path("reason").asText()).isEqualTo("CODE_WRONG");
            assertThat(answer.path("attemptsRemaining").asInt()).isEqualTo(4);
        });
        assertThat(answers.stream().map(RecoveryCodeChallengeEndToEndTest::withoutRequestId).distinct()).hasSize(1);
        assertThat(usedCodes(user)).isEqualTo(1);
    }

    @Test
    void parallel_uses_of_one_code_on_the_users_challenges_let_exactly_one_win() throws Exception {
        String user = TotpClients.newUser();
        String code = codesOf(user).get(0);
        List<Challenge> challenges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            challenges.add(api.challengeAllowing(user, StepUpMethod.RECOVERY));
        }

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            challenges.forEach(challenge -> calls.add(() -> rawVerify(user, challenge, code).statusCode()));
            for (Future<Integer> status : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 200).hasSize(19).containsOnly(400);
        assertThat(usedCodes(user)).isEqualTo(1);
        assertThat(audit.decisionsOf(user)).filteredOn("recovery_code.used"::equals).hasSize(1);
    }

    @Test
    void a_challenge_that_does_not_list_recovery_refuses_the_code_and_uses_nothing() throws Exception {
        String user = TotpClients.newUser();
        String code = codesOf(user).get(0);

        for (Challenge challenge : List.of(api.newChallenge(user), api.challengeAllowing(user, StepUpMethod.APP))) {
            HttpResponse<String> refused = rawVerify(user, challenge, code);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(TotpClients.json(refused.body()).path("reason").asText()).isEqualTo("CHALLENGE_METHOD_NOT_ALLOWED");
        }
        assertThat(api.newChallenge(user).getMethods()).doesNotContain("recovery");
        assertThat(usedCodes(user)).isZero();
    }

    @Test
    void a_text_that_cannot_be_a_recovery_code_is_a_field_error_and_spends_no_attempt() throws Exception {
        String user = TotpClients.newUser();
        codesOf(user);
        Challenge challenge = api.challengeAllowing(user, StepUpMethod.RECOVERY);

        for (String text : List.of("123456", "7kq2-m9xd-4hv", "7kq2-m9xd-4hvu", "")) {
            HttpResponse<String> refused = rawVerify(user, challenge, text);

            assertThat(refused.statusCode()).as(text).isEqualTo(400);
            JsonNode body = TotpClients.json(refused.body());
            assertThat(body.path("code").asText()).isEqualTo("urn:plmr:mfa-totp:api:BAD_REQUEST");
            assertThat(body.path("fieldErrors").get(0).path("field").asText()).isEqualTo("code");
        }
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getAttemptsRemaining()).isEqualTo(5);
    }

    @Test
    void a_user_without_an_unused_code_is_told_so_and_spends_no_attempt() throws Exception {
        String user = TotpClients.newUser();
        Challenge challenge = api.challengeAllowing(user, StepUpMethod.RECOVERY);

        HttpResponse<String> none = rawVerify(user, challenge, "7kq2-m9xd-4hvt");

        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(TotpClients.json(none.body()).path("code").asText()).isEqualTo("urn:plmr:mfa-totp:api:USER_NOT_FOUND");
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getAttemptsRemaining()).isEqualTo(5);
    }

    @Test
    void wrong_recovery_codes_spend_the_challenges_budget_and_lock_it() throws Exception {
        String user = TotpClients.newUser();
        String right = codesOf(user).get(0);
        Challenge challenge = api.challengeAllowing(user, StepUpMethod.RECOVERY);

        for (int i = 0; i < 5; i++) {
            assertThat(rawVerify(user, challenge, "2222-2222-222" + i).statusCode()).isEqualTo(400);
        }

        assertThat(rawVerify(user, challenge, right).statusCode()).isEqualTo(410);
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getStatus())
                .isEqualTo(ChallengeStatus.LOCKED);
        assertThat(usedCodes(user)).isZero();
    }
}
