package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.ChallengesApi;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.DeliveryStatus;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each documented refusal of the challenge flows, with its status and URN, through the generated SDK. */
@MicronautTest(transactional = false)
class ChallengeRulesEndToEndTest extends EndToEndTest {

    private static final String PHONE = "+4915100000077";

    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    @Test
    void a_wrong_code_is_invalid_otp_with_the_attempts_left_and_the_last_one_locks_the_challenge() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        for (int left = 4; left >= 0; left--) {
            int expected = left;
            assertRefused(() -> api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(wrongCode())),
                    400, "INVALID_OTP", "\"attemptsRemaining\":" + expected, "\"reason\":\"CODE_WRONG\"");
        }
        assertRefused(() -> api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(codeSentTo(PHONE))),
                410, "CHALLENGE_NOT_FOUND", "\"challengeStatus\":\"locked\"");
        assertRefused(() -> api.sms(user).initiateSms(challenge.getChallengeId(), null), 410, "CHALLENGE_NOT_FOUND", "locked");
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getStatus()).isEqualTo(ChallengeStatus.LOCKED);
    }

    @Test
    void only_wrong_codes_spend_attempts_and_the_right_one_leaves_what_they_left() throws ApiException {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        Challenge challenge = api.newChallenge(user);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        String right = codeSentTo(phone);
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertRefused(() -> api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(wrong)),
                400, "INVALID_OTP", "\"attemptsRemaining\":4");

        Challenge verified = api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(right));

        assertThat(verified.getAttemptsRemaining()).isEqualTo(4);
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getAttemptsRemaining()).isEqualTo(4);
        Challenge untouched = api.newChallenge(user);
        api.sms(user).initiateSms(untouched.getChallengeId(), null);
        assertThat(api.sms(user).verifySms(untouched.getChallengeId(), new VerifyOtpRequest().totp(codeSentTo(phone)))
                .getAttemptsRemaining()).isEqualTo(5);
    }

    @Test
    void a_verified_challenge_answers_410_to_further_verifies() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        String code = codeSentTo(PHONE);
        api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(code));
        assertRefused(() -> api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(code)),
                410, "CHALLENGE_NOT_FOUND", "\"challengeStatus\":\"verified\"", "\"reason\":\"CHALLENGE_CLOSED\"");
    }

    @Test
    void an_expired_code_answers_410_and_a_new_initiate_brings_a_working_code() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        String code = codeSentTo(PHONE);
        clock.advance(Duration.ofMinutes(5));
        assertRefused(() -> api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(code)),
                410, "INVALID_OTP", "\"challengeStatus\":\"pending\"", "\"reason\":\"CODE_EXPIRED\"");
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        assertThat(api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(codeSentTo(PHONE)))
                .getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @Test
    void an_expired_challenge_answers_410_to_everything() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        clock.advance(Duration.ofMinutes(10));
        assertRefused(() -> api.sms(user).initiateSms(challenge.getChallengeId(), null), 410, "CHALLENGE_NOT_FOUND",
                "\"challengeStatus\":\"expired\"");
        assertRefused(() -> api.challenges().consumeChallenge(challenge.getChallengeId()), 410, "CHALLENGE_NOT_FOUND",
                "expired");
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getStatus()).isEqualTo(ChallengeStatus.EXPIRED);
    }

    @Test
    void resends_wait_for_the_cooldown_with_retry_after_and_stop_at_the_cap_for_good() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        assertThatThrownBy(() -> api.sms(user).initiateSms(challenge.getChallengeId(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(429);
                    assertThat(e.getResponseBody()).contains("urn:plmr:mfa-totp:api:TOO_MANY_REQUESTS")
                            .contains("\"retryAfterSeconds\":30").contains("\"reason\":\"RESEND_COOLDOWN\"");
                    assertThat(e.getResponseHeaders().firstValue("Retry-After")).contains("30");
                });
        for (int send = 2; send <= 5; send++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(api.sms(user).initiateSms(challenge.getChallengeId(), null).getSendsRemaining()).isEqualTo(5 - send);
        }
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> api.sms(user).initiateSms(challenge.getChallengeId(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(429);
                    assertThat(e.getResponseBody()).contains("urn:plmr:mfa-totp:api:TOO_MANY_REQUESTS")
                            .contains("all its sends").contains("\"reason\":\"SEND_CAP_REACHED\"")
                            .doesNotContain("retryAfterSeconds");
                    assertThat(e.getResponseHeaders().firstValue("Retry-After")).isEmpty();
                });
    }

    @Test
    void a_cancelled_step_up_request_has_no_context_and_refuses_initiate_and_verify() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        Challenge cancelled = api.challenges().cancelChallenge(challenge.getChallengeId());
        assertThat(cancelled.getStatus()).isEqualTo(ChallengeStatus.CANCELLED);
        assertThat(cancelled.getContext()).isNull();
        assertRefused(() -> api.sms(user).initiateSms(challenge.getChallengeId(), null), 404,
                "STEP_UP_REQUEST_CONTEXT_NOT_FOUND", "cancelled");
        assertRefused(() -> api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp("123456")),
                404, "STEP_UP_REQUEST_CONTEXT_NOT_FOUND", "cancelled");
    }

    @Test
    void a_pending_challenge_cannot_be_consumed() throws ApiException {
        Challenge challenge = api.newChallenge(api.newUser(PHONE, null));
        assertRefused(() -> api.challenges().consumeChallenge(challenge.getChallengeId()), 409, "BAD_REQUEST",
                "\"challengeStatus\":\"pending\"", "\"reason\":\"CHALLENGE_NOT_VERIFIED\"");
    }

    @Test
    void a_code_before_any_was_sent_is_code_not_issued_without_attempts_and_spends_none() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        assertThatThrownBy(() -> api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp("123456")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("urn:plmr:mfa-totp:api:INVALID_OTP")
                            .contains("\"reason\":\"CODE_NOT_ISSUED\"").doesNotContain("attemptsRemaining");
                });
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getAttemptsRemaining()).isEqualTo(5);
    }

    @Test
    void an_unknown_challenge_is_challenge_not_found() {
        assertRefused(() -> api.challenges().getChallenge("ch_doesnotexist0000000000"), 404, "CHALLENGE_NOT_FOUND", "No challenge");
        assertRefused(() -> api.sms("u-any").initiateSms("ch_doesnotexist0000000000", null), 404, "CHALLENGE_NOT_FOUND",
                "No challenge");
    }

    @Test
    void a_user_without_a_phone_number_is_user_not_found() throws ApiException {
        String user = api.newUser(null, "nophone@example.com");
        Challenge challenge = api.newChallenge(user);
        assertRefused(() -> api.sms(user).initiateSms(challenge.getChallengeId(), null), 404, "USER_NOT_FOUND",
                "no phone number");
    }

    @Test
    void another_users_token_does_not_match_the_challenge_subject() throws ApiException {
        Challenge challenge = api.newChallenge(api.newUser(PHONE, null));
        assertRefused(() -> api.sms("u-intruder").initiateSms(challenge.getChallengeId(), null), 403,
                "USER_ID_DOES_NOT_MATCH_WITH_CHALLENGE_SUBJECT_USER_ID", "subject");
        assertRefused(() -> api.sms("u-intruder").verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp("123456")),
                403, "USER_ID_DOES_NOT_MATCH_WITH_CHALLENGE_SUBJECT_USER_ID", "subject");
    }

    @Test
    void a_service_without_the_scope_is_forbidden() {
        ChallengesApi readOnly = new ChallengesApi(api.client(TestTokens.service("reports", "mfa.challenges.read")));
        assertRefused(() -> readOnly.createChallenge(new CreateChallengeRequest().userId("u-1")
                .context(new StepUpContext().operation("payment").reference("r-1"))), 403, "FORBIDDEN", "scope");
        ChallengesApi asUser = new ChallengesApi(api.user("u-1"));
        assertRefused(() -> asUser.createChallenge(new CreateChallengeRequest().userId("u-1")
                .context(new StepUpContext().operation("payment").reference("r-1"))), 403, "FORBIDDEN", "scope");
    }

    @Test
    void a_method_the_consumer_did_not_allow_is_a_bad_request() throws ApiException {
        String user = api.newUser(PHONE, "both@example.com");
        Challenge challenge = api.newChallenge(user, ChallengeMethod.EMAIL);
        assertRefused(() -> api.sms(user).initiateSms(challenge.getChallengeId(), null), 400, "BAD_REQUEST",
                "does not allow", "\"reason\":\"CHALLENGE_METHOD_NOT_ALLOWED\"");
        assertRefused(() -> api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp("123456")),
                400, "BAD_REQUEST", "\"reason\":\"CHALLENGE_METHOD_NOT_ALLOWED\"");
    }

    @Test
    void the_challenge_shows_the_delivery_status_of_its_latest_code() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getDelivery().getStatus())
                .isEqualTo(DeliveryStatus.QUEUED);
        dispatcher.dispatchDue();
        Challenge read = api.challenges().getChallenge(challenge.getChallengeId());
        assertThat(read.getDelivery().getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(read.getDelivery().getMethod()).isEqualTo(ChallengeMethod.SMS);
    }

    @Test
    void the_subject_user_may_read_its_own_challenge() throws ApiException {
        String user = api.newUser(PHONE, null);
        Challenge challenge = api.newChallenge(user);
        assertThat(new ChallengesApi(api.user(user)).getChallenge(challenge.getChallengeId()).getUserId()).isEqualTo(user);
        assertRefused(() -> new ChallengesApi(api.user("u-other")).getChallenge(challenge.getChallengeId()), 403,
                "USER_ID_DOES_NOT_MATCH_WITH_CHALLENGE_SUBJECT_USER_ID", "subject");
    }

    private String codeSentTo(String destination) {
        dispatcher.dispatchDue();
        return provider.lastTo(destination).orElseThrow().code().digits();
    }

    private String wrongCode() {
        String right = codeSentTo(PHONE);
        return right.equals("000000") ? "111111" : "000000";
    }

    private static void assertRefused(ThrowingCallable call, int status, String code, String... evidence) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(status);
            assertThat(e.getResponseBody()).contains("\"code\":\"urn:plmr:mfa-totp:api:" + code + "\"").contains(evidence);
            assertThat(e.getResponseHeaders().firstValue("X-Request-Id")).isPresent();
        });
    }
}
