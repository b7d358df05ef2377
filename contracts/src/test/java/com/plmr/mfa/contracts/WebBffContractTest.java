package com.plmr.mfa.contracts;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.TotpEmailApi;
import com.plmr.mfa.client.api.TotpSmsApi;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.CodeSent;
import com.plmr.mfa.client.model.ErrorCode;
import com.plmr.mfa.client.model.ErrorResponse;
import com.plmr.mfa.client.model.FieldErrorCode;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static com.plmr.mfa.contracts.Wire.CHALLENGE_ID;
import static com.plmr.mfa.contracts.Wire.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The web backend-for-frontend walks the signed-in user through a step-up: it asks for an SMS or
 * e-mail code, passes the typed code on, and turns every refusal into a screen (wrong code with
 * the attempts left, empty field, wait-and-retry, challenge over, no phone on record, request
 * withdrawn, not your challenge). It always calls with the user's own token.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Wire.PROVIDER, pactVersion = PactSpecVersion.V3)
public class WebBffContractTest {

    private static final String CONSUMER = "web-bff";
    private static final String A_CHALLENGE = "a challenge";
    private static final String USER_TOKEN = "the challenge's user holds a token";
    private static final String SMS = "/internal/v1/mfa/totp-sms/${challengeId}";
    private static final String EMAIL = "/internal/v1/mfa/totp-email/${challengeId}";
    private static final String PHONE = "+4915112345612";
    private static final String MAIL = "jane.doe@example.com";

    @Pact(consumer = CONSUMER)
    public RequestResponsePact initiatesAnSmsCode(PactDslWithProvider builder) {
        return codeSent(initiate(pendingWith(builder, params("methods", "sms,email", "phone", PHONE, "email", MAIL)),
                "a request to send an SMS code", SMS), "sms", "+49 *** *** 12");
    }

    @Test
    @PactTestFor(pactMethod = "initiatesAnSmsCode")
    void asks_for_an_sms_code_and_shows_where_it_went(MockServer server) throws ApiException {
        CodeSent sent = sms(server).initiateSms(CHALLENGE_ID, "en");

        assertThat(sent.getMethod()).isEqualTo(ChallengeMethod.SMS);
        assertThat(sent.getMaskedDestination()).contains("***");
        assertThat(sent.getResendAvailableAt()).isBefore(sent.getCodeExpiresAt());
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact verifiesAnSmsCode(PactDslWithProvider builder) {
        return verified(verify(pendingWith(builder, params("methods", "sms", "phone", PHONE, "sent", "sms")),
                "a request to verify the SMS code that was sent", SMS, "123456"), "sms");
    }

    @Test
    @PactTestFor(pactMethod = "verifiesAnSmsCode")
    void passes_the_typed_sms_code_on_and_learns_the_challenge_is_verified(MockServer server) throws ApiException {
        Challenge challenge = sms(server).verifySms(CHALLENGE_ID, new VerifyOtpRequest().totp("123456"));

        assertThat(challenge.getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(challenge.getVerifiedMethod()).isEqualTo(ChallengeMethod.SMS);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact initiatesAnEmailCode(PactDslWithProvider builder) {
        return codeSent(initiate(pendingWith(builder, params("methods", "email", "email", MAIL)),
                "a request to send an e-mail code", EMAIL), "email", "j***@example.com");
    }

    @Test
    @PactTestFor(pactMethod = "initiatesAnEmailCode")
    void asks_for_an_email_code(MockServer server) throws ApiException {
        CodeSent sent = email(server).initiateEmail(CHALLENGE_ID, "en");

        assertThat(sent.getMethod()).isEqualTo(ChallengeMethod.EMAIL);
        assertThat(sent.getSendsRemaining()).isNotNegative();
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact verifiesAnEmailCode(PactDslWithProvider builder) {
        return verified(verify(pendingWith(builder, params("methods", "email", "email", MAIL, "sent", "email")),
                "a request to verify the e-mail code that was sent", EMAIL, "12345678"), "email");
    }

    @Test
    @PactTestFor(pactMethod = "verifiesAnEmailCode")
    void passes_the_typed_email_code_on(MockServer server) throws ApiException {
        Challenge challenge = email(server).verifyEmail(CHALLENGE_ID, new VerifyOtpRequest().totp("12345678"));

        assertThat(challenge.getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(challenge.getVerifiedMethod()).isEqualTo(ChallengeMethod.EMAIL);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact verifiesAWrongCode(PactDslWithProvider builder) {
        return Wire.post(pendingWith(builder, params("methods", "sms", "phone", PHONE, "sent", "sms")),
                        "a request to verify a wrong SMS code", SMS + ":verify")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(new PactDslJsonBody().valueFromProviderState("totp", "${wrongCode}", "654321"))
                .willRespondWith().status(400)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("INVALID_OTP").integerType("attemptsRemaining", 4))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "verifiesAWrongCode")
    void tells_the_user_the_code_is_wrong_and_how_many_attempts_are_left(MockServer server) {
        ErrorResponse error = refusal(() -> sms(server).verifySms(CHALLENGE_ID, new VerifyOtpRequest().totp("654321")), 400);

        assertThat(error.getCode()).isEqualTo(ErrorCode.INVALID_OTP);
        assertThat(error.getAttemptsRemaining()).isNotNull();
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact verifiesAnEmptyCode(PactDslWithProvider builder) {
        return Wire.post(pendingWith(builder, params("methods", "sms", "phone", PHONE, "sent", "sms")),
                        "a request to verify an empty SMS code", SMS + ":verify")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(new PactDslJsonBody().stringValue("totp", ""))
                .willRespondWith().status(400)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("BAD_REQUEST")
                        .minArrayLike("fieldErrors", 1)
                        .stringValue("field", "totp")
                        .stringValue("code", "urn:plmr:mfa-totp:api:NOT_BLANK")
                        .stringType("message", "must not be blank")
                        .closeObject().closeArray())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "verifiesAnEmptyCode")
    void marks_the_empty_code_field(MockServer server) {
        ErrorResponse error = refusal(() -> sms(server).verifySms(CHALLENGE_ID, new VerifyOtpRequest().totp("")), 400);

        assertThat(error.getCode()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(error.getFieldErrors()).anySatisfy(field -> {
            assertThat(field.getField()).isEqualTo("totp");
            assertThat(field.getCode()).isEqualTo(FieldErrorCode.NOT_BLANK);
        });
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact resendsTooSoon(PactDslWithProvider builder) {
        return initiate(pendingWith(builder, params("methods", "sms", "phone", PHONE, "sent", "sms")),
                "a request to send another SMS code right after the first", SMS)
                .willRespondWith().status(429)
                .matchHeader("Retry-After", "\\d+", "30")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("TOO_MANY_REQUESTS").integerType("retryAfterSeconds", 30))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "resendsTooSoon")
    void shows_when_the_user_may_ask_again(MockServer server) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> sms(server).initiateSms(CHALLENGE_ID, "en"));

        assertThat(refused.getCode()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(Wire.errorOf(refused).getCode()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact verifiesAVerifiedChallenge(PactDslWithProvider builder) {
        return verify(withToken(builder.given(A_CHALLENGE, params("status", "verified", "methods", "sms", "phone", PHONE))),
                "a request to verify a challenge that is already verified", SMS, "123456")
                .willRespondWith().status(410)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("CHALLENGE_NOT_FOUND").stringValue("challengeStatus", "verified"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "verifiesAVerifiedChallenge")
    void tells_the_user_the_challenge_is_over(MockServer server) {
        ErrorResponse error = refusal(() -> sms(server).verifySms(CHALLENGE_ID, new VerifyOtpRequest().totp("123456")), 410);

        assertThat(error.getChallengeStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact initiatesWithoutAPhone(PactDslWithProvider builder) {
        return initiate(pendingWith(builder, params("methods", "sms,email", "email", MAIL)),
                "a request to send an SMS code to a user without a phone number", SMS)
                .willRespondWith().status(404)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("USER_NOT_FOUND"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "initiatesWithoutAPhone")
    void offers_email_when_the_user_has_no_phone_number(MockServer server) {
        ErrorResponse error = refusal(() -> sms(server).initiateSms(CHALLENGE_ID, "en"), 404);

        assertThat(error.getCode()).isEqualTo(ErrorCode.USER_NOT_FOUND);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact initiatesACancelledRequest(PactDslWithProvider builder) {
        return initiate(withToken(builder.given(A_CHALLENGE, params("status", "cancelled", "methods", "email",
                        "email", MAIL))),
                "a request to send an e-mail code for a step-up request that was cancelled", EMAIL)
                .willRespondWith().status(404)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("STEP_UP_REQUEST_CONTEXT_NOT_FOUND"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "initiatesACancelledRequest")
    void tells_the_user_the_request_was_withdrawn(MockServer server) {
        ErrorResponse error = refusal(() -> email(server).initiateEmail(CHALLENGE_ID, "en"), 404);

        assertThat(error.getCode()).isEqualTo(ErrorCode.STEP_UP_REQUEST_CONTEXT_NOT_FOUND);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact initiatesAnotherUsersChallenge(PactDslWithProvider builder) {
        return initiate(builder.given(A_CHALLENGE, params("methods", "sms", "phone", PHONE))
                        .given("another user holds a token"),
                "a request to send an SMS code for another user's challenge", SMS)
                .willRespondWith().status(403)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("USER_ID_DOES_NOT_MATCH_WITH_CHALLENGE_SUBJECT_USER_ID"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "initiatesAnotherUsersChallenge")
    void refuses_to_act_on_another_users_challenge(MockServer server) {
        ErrorResponse error = refusal(() -> sms(server).initiateSms(CHALLENGE_ID, "en"), 403);

        assertThat(error.getCode())
                .isEqualTo(ErrorCode.USER_ID_DOES_NOT_MATCH_WITH_CHALLENGE_SUBJECT_USER_ID);
    }

    private static PactDslWithState pendingWith(PactDslWithProvider builder, Map<String, Object> params) {
        Map<String, Object> pending = new java.util.LinkedHashMap<>(params);
        pending.put("status", "pending");
        return withToken(builder.given(A_CHALLENGE, pending));
    }

    private static PactDslWithState withToken(PactDslWithState state) {
        return state.given(USER_TOKEN);
    }

    private static PactDslRequestWithPath initiate(PactDslWithState state, String description, String base) {
        return Wire.post(state, description, base + ":initiate").matchHeader("Accept-Language", "[a-zA-Z-]+", "en");
    }

    private static PactDslRequestWithPath verify(PactDslWithState state, String description, String base,
                                                 String example) {
        return Wire.post(state, description, base + ":verify")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(new PactDslJsonBody().valueFromProviderState("totp", "${code}", example));
    }

    private static RequestResponsePact codeSent(PactDslRequestWithPath request, String method, String masked) {
        PactDslResponse response = request.willRespondWith().status(200);
        return Wire.withRequestId(response).matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(new PactDslJsonBody()
                        .valueFromProviderState("challengeId", "${challengeId}", CHALLENGE_ID)
                        .stringValue("method", method)
                        .stringMatcher("maskedDestination", ".*\\*\\*\\*.*", masked)
                        .stringMatcher("codeExpiresAt", Wire.INSTANT, "2026-11-23T10:05:00Z")
                        .stringMatcher("resendAvailableAt", Wire.INSTANT, "2026-11-23T10:00:30Z")
                        .integerType("sendsRemaining", 4))
                .toPact();
    }

    private static RequestResponsePact verified(PactDslRequestWithPath request, String method) {
        PactDslJsonBody body = new PactDslJsonBody()
                .valueFromProviderState("challengeId", "${challengeId}", CHALLENGE_ID)
                .stringValue("status", "verified")
                .stringValue("verifiedMethod", method)
                .integerType("attemptsRemaining", 5)
                .stringMatcher("verifiedAt", Wire.INSTANT, Wire.INSTANT_EXAMPLE);
        body.minArrayLike("allowedMethods", 1, PactDslJsonRootValue.stringMatcher("sms|email|app", method), 1);
        return Wire.withRequestId(request.willRespondWith().status(200)).matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(body).toPact();
    }

    private static ErrorResponse refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
        ApiException refused = catchThrowableOfType(ApiException.class, call);
        assertThat(refused).as("the SDK call was refused").isNotNull();
        assertThat(refused.getCode()).isEqualTo(status);
        return Wire.errorOf(refused);
    }

    private static TotpSmsApi sms(MockServer server) {
        return new TotpSmsApi(Wire.sdk(server.getUrl()));
    }

    private static TotpEmailApi email(MockServer server) {
        return new TotpEmailApi(Wire.sdk(server.getUrl()));
    }
}
