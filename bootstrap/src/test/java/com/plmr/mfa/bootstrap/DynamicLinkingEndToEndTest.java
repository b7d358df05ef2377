package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.StepUpMethod;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A delivered code approves one operation, amount and payee (PSD2 RTS Art. 5 dynamic linking), on
 * the real database: it does not verify another payment, and it stops verifying its own challenge
 * the moment the stored amount differs from the one it was issued for.
 */
@MicronautTest(transactional = false)
class DynamicLinkingEndToEndTest extends EndToEndTest {

    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    @Test
    void a_code_issued_for_one_payment_does_not_verify_a_second_payment_with_another_amount() throws ApiException {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        Challenge first = payment(user, "40.00");
        Challenge second = payment(user, "4000.00");
        String firstCode = codeFor(user, first, phone, null);
        String secondCode = codeFor(user, second, phone, firstCode);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> api.sms(user)
                .verifySms(second.getChallengeId(), new VerifyOtpRequest().totp(firstCode)));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseBody()).contains("urn:plmr:mfa-totp:api:INVALID_OTP", "\"reason\":\"CODE_WRONG\"");
        assertThat(api.sms(user).verifySms(second.getChallengeId(), new VerifyOtpRequest().totp(secondCode))
                .getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(api.sms(user).verifySms(first.getChallengeId(), new VerifyOtpRequest().totp(firstCode))
                .getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @Test
    void a_code_stops_verifying_its_challenge_when_the_stored_amount_is_changed_and_works_again_when_restored()
            throws Exception {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        Challenge challenge = payment(user, "40.00");
        String code = codeFor(user, challenge, phone, null);

        storedAmount(challenge.getChallengeId(), "4000.00");
        ApiException refused = catchThrowableOfType(ApiException.class, () -> api.sms(user)
                .verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(code)));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseBody()).contains("\"reason\":\"CODE_WRONG\"", "\"attemptsRemaining\":4");

        storedAmount(challenge.getChallengeId(), "40.00");
        Challenge verified = api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(code));
        assertThat(verified.getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(verified.getContext().getTransaction().getAmount().getValue()).isEqualTo("40.00");
    }

    private Challenge payment(String user, String amount) throws ApiException {
        return api.challenges().createChallenge(new CreateChallengeRequest().userId(user)
                .context(new StepUpContext().operation("payment").reference("pay-" + amount)
                        .transaction(TransactionDetailsEndToEndTest.payment(amount, "EUR")))
                .allowedMethods(Set.of(StepUpMethod.SMS)));
    }

    /** Sends the challenge's code and reads it; a code equal to {@code unlike} is sent again, after the cooldown. */
    private String codeFor(String user, Challenge challenge, String phone, String unlike) throws ApiException {
        while (true) {
            api.sms(user).initiateSms(challenge.getChallengeId(), null);
            dispatcher.dispatchDue();
            String code = provider.lastTo(phone).orElseThrow().code().digits();
            if (!code.equals(unlike)) {
                return code;
            }
            clock.advance(Duration.ofSeconds(31));
        }
    }

    /** Changes what the row says the challenge approves, as only someone with write access to the database could. */
    private static void storedAmount(String challengeId, String amount) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), "root", "");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE challenge SET amount_value = ? WHERE id = ?")) {
            update.setString(1, amount);
            update.setString(2, challengeId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
