package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.CodeSent;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole step-up flow over HTTP through the generated SDK, on the real database. */
@MicronautTest(transactional = false)
class ChallengeFlowEndToEndTest extends EndToEndTest {

    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    @Test
    void a_user_approves_a_payment_with_an_sms_code_and_the_consumer_proceeds_exactly_once() throws ApiException {
        String user = api.newUser("+4915112345612", null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        assertThat(challenge.getStatus()).isEqualTo(ChallengeStatus.PENDING);

        CodeSent sent = api.sms(user).initiateSms(challenge.getChallengeId(), null);
        assertThat(sent.getMaskedDestination()).isEqualTo("+49 *** *** 12");
        dispatcher.dispatchDue();
        String code = provider.lastTo("+4915112345612").orElseThrow().code().digits();
        assertThat(code).hasSize(6);

        Challenge verified = api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(code));
        assertThat(verified.getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(verified.getVerifiedMethod()).isEqualTo(ChallengeMethod.SMS);

        Challenge consumed = api.challenges().consumeChallenge(challenge.getChallengeId());
        assertThat(consumed.getStatus()).isEqualTo(ChallengeStatus.CONSUMED);
        assertThatThrownBy(() -> api.challenges().consumeChallenge(challenge.getChallengeId()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(410);
                    assertThat(e.getResponseBody()).contains("CHALLENGE_NOT_FOUND").contains("\"consumed\"");
                });
    }

    @Test
    void an_email_code_has_eight_digits_and_a_resend_replaces_the_previous_code() throws ApiException {
        String user = api.newUser(null, "jane.doe@example.com");
        Challenge challenge = api.newChallenge(user, ChallengeMethod.EMAIL);
        CodeSent first = api.email(user).initiateEmail(challenge.getChallengeId(), "de");
        assertThat(first.getMaskedDestination()).isEqualTo("j***@example.com");
        dispatcher.dispatchDue();
        String oldCode = provider.lastTo("jane.doe@example.com").orElseThrow().code().digits();
        assertThat(oldCode).hasSize(8);
        assertThat(provider.lastTo("jane.doe@example.com").orElseThrow().locale().getLanguage()).isEqualTo("de");

        clock.advance(Duration.ofSeconds(31));
        CodeSent second = api.email(user).initiateEmail(challenge.getChallengeId(), null);
        assertThat(second.getReplacedPreviousCode()).isTrue();
        dispatcher.dispatchDue();
        String newCode = provider.lastTo("jane.doe@example.com").orElseThrow().code().digits();

        if (!oldCode.equals(newCode)) {
            assertThatThrownBy(() -> api.email(user).verifyEmail(challenge.getChallengeId(),
                    new VerifyOtpRequest().totp(oldCode)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponseBody()).contains("INVALID_OTP"));
        }
        assertThat(api.email(user).verifyEmail(challenge.getChallengeId(), new VerifyOtpRequest().totp(newCode))
                .getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }
}
