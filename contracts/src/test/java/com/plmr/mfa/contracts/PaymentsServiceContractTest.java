package com.plmr.mfa.contracts;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.AuditEventsApi;
import com.plmr.mfa.client.api.ChallengesApi;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.ErrorCode;
import com.plmr.mfa.client.model.ListAuditEventsResponse;
import com.plmr.mfa.client.model.MonetaryAmount;
import com.plmr.mfa.client.model.Payee;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.StepUpMethod;
import com.plmr.mfa.client.model.TransactionDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashSet;
import java.util.List;

import static com.plmr.mfa.contracts.Wire.CHALLENGE_ID;
import static com.plmr.mfa.contracts.Wire.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The payments service asks for a second factor before it executes a payment: it creates a
 * challenge, polls it, and consumes it exactly once when the user has verified it. It relies on
 * the error codes below to tell the user what happened, so they are part of its contract.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Wire.PROVIDER, pactVersion = PactSpecVersion.V3)
public class PaymentsServiceContractTest {

    private static final String CONSUMER = "payments-service";
    private static final String TOKEN = "the consumer holds a service token";
    private static final String A_CHALLENGE = "a challenge";
    private static final String CHALLENGES = "/internal/v1/mfa/challenges";
    /** The payments service binds the step-up assertion to its payment with a nonce of its own. */
    private static final String NONCE = "n-0S6_WzA2Mj";
    /** A compact JWS: the step-up assertion it hands to the payment executor, which verifies it. */
    private static final String JWS = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
    private static final String ASSERTION_EXAMPLE = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1LTQ3MTEifQ.c2lnbmF0dXJl";

    @Pact(consumer = CONSUMER)
    public RequestResponsePact createsAChallenge(PactDslWithProvider builder) {
        return builder.given(TOKEN, params("client", "payments", "scopes", "mfa.challenges.create"))
                .uponReceiving("a request to create a step-up challenge for a payment")
                .method("POST").path(CHALLENGES)
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(createRequest())
                .willRespondWith().status(201)
                .matchHeader("X-Request-Id", Wire.REQUEST_ID, "b7c9e0d2-1f3a")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(challenge("pending").stringMatcher("challengeId", Wire.ID, CHALLENGE_ID))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "createsAChallenge")
    void creates_a_challenge_the_user_can_answer_by_sms_or_email(MockServer server) throws ApiException {
        Challenge created = api(server).createChallenge(new CreateChallengeRequest().userId(Wire.USER_ID)
                .context(new StepUpContext().operation("payment").reference("pay_8c1f2")
                        .summary("payment of EUR 40 to ACME"))
                .allowedMethods(new LinkedHashSet<>(List.of(StepUpMethod.SMS, StepUpMethod.EMAIL)))
                .nonce(NONCE));

        assertThat(created.getStatus()).isEqualTo(ChallengeStatus.PENDING);
        assertThat(created.getChallengeId()).isNotBlank();
        assertThat(created.getAttemptsRemaining()).isPositive();
        assertThat(created.getExpiresAt()).isAfter(created.getCreatedAt());
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact createsAPaymentChallenge(PactDslWithProvider builder) {
        return builder.given(TOKEN, params("client", "payments", "scopes", "mfa.challenges.create"))
                .uponReceiving("a request to create a step-up challenge bound to a payment's amount and payee")
                .method("POST").path(CHALLENGES)
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(paymentRequest())
                .willRespondWith().status(201)
                .matchHeader("X-Request-Id", Wire.REQUEST_ID, "b7c9e0d2-1f3a")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON)
                .body(challenge("pending").stringMatcher("challengeId", Wire.ID, CHALLENGE_ID)
                        .object("context")
                        .stringValue("operation", "payment")
                        .object("transaction")
                        .stringValue("type", "payment_initiation")
                        .stringValue("reference", "INV-2026-0042")
                        .object("amount").stringValue("value", "1234.50").stringValue("currency", "EUR").closeObject()
                        .object("payee").stringValue("name", "ACME GmbH").stringValue("account", PAYEE_ACCOUNT)
                        .closeObject()
                        .closeObject()
                        .closeObject())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "createsAPaymentChallenge")
    void creates_a_challenge_that_shows_and_binds_the_amount_and_the_payee(MockServer server) throws ApiException {
        Challenge created = api(server).createChallenge(paymentChallenge("1234.5"));

        TransactionDetails transaction = created.getContext().getTransaction();
        assertThat(transaction.getAmount().getValue()).as("written at the currency's scale").isEqualTo("1234.50");
        assertThat(transaction.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(transaction.getPayee().getName()).isEqualTo("ACME GmbH");
        assertThat(transaction.getPayee().getAccount()).isEqualTo(PAYEE_ACCOUNT);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact createsAPaymentChallengeWithAnAmountTheCurrencyCannotHave(PactDslWithProvider builder) {
        return builder.given(TOKEN, params("client", "payments", "scopes", "mfa.challenges.create"))
                .uponReceiving("a request to create a payment challenge with more fraction digits than the currency has")
                .method("POST").path(CHALLENGES)
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(paymentRequest("1234.505"))
                .willRespondWith().status(400)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON)
                .body(Wire.error("BAD_REQUEST").minArrayLike("fieldErrors", 1)
                        .stringValue("field", "context.transaction.amount.value")
                        .stringValue("code", "urn:plmr:mfa-totp:api:INVALID_VALUE")
                        .stringType("message", "must have at most 2 fraction digits in EUR")
                        .closeArray())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "createsAPaymentChallengeWithAnAmountTheCurrencyCannotHave")
    void learns_which_field_of_the_payment_was_refused(MockServer server) {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> api(server).createChallenge(paymentChallenge("1234.505")));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(Wire.errorOf(refused).getFieldErrors())
                .anySatisfy(error -> assertThat(error.getField()).isEqualTo("context.transaction.amount.value"));
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact readsAPendingChallenge(PactDslWithProvider builder) {
        return builder.given(A_CHALLENGE, params("status", "pending"))
                .given(TOKEN, params("client", "payments", "scopes", "mfa.challenges.read"))
                .uponReceiving("a request to read a pending challenge")
                .method("GET")
                .pathFromProviderState(CHALLENGES + "/${challengeId}", CHALLENGES + "/" + CHALLENGE_ID)
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .willRespondWith().status(200)
                .matchHeader("X-Request-Id", Wire.REQUEST_ID, "b7c9e0d2-1f3a")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(challenge("pending").valueFromProviderState("challengeId", "${challengeId}", CHALLENGE_ID))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "readsAPendingChallenge")
    void reads_where_a_challenge_stands(MockServer server) throws ApiException {
        Challenge challenge = api(server).getChallenge(CHALLENGE_ID);

        assertThat(challenge.getChallengeId()).isEqualTo(CHALLENGE_ID);
        assertThat(challenge.getStatus()).isEqualTo(ChallengeStatus.PENDING);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact consumesAVerifiedChallenge(PactDslWithProvider builder) {
        return Wire.post(builder.given(A_CHALLENGE, params("status", "verified"))
                                .given(TOKEN, params("client", "payments", "scopes", "mfa.challenges.consume")),
                        "a request to consume a verified challenge", CHALLENGES + "/${challengeId}:consume")
                .willRespondWith().status(200)
                .matchHeader("X-Request-Id", Wire.REQUEST_ID, "b7c9e0d2-1f3a")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(challenge("consumed").valueFromProviderState("challengeId", "${challengeId}", CHALLENGE_ID)
                        .stringMatcher("verifiedMethod", "sms|email|app", "sms")
                        .stringMatcher("verifiedAt", Wire.INSTANT, Wire.INSTANT_EXAMPLE)
                        .stringMatcher("consumedAt", Wire.INSTANT, Wire.INSTANT_EXAMPLE)
                        .stringMatcher("assertion", JWS, ASSERTION_EXAMPLE))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "consumesAVerifiedChallenge")
    void consumes_a_verified_challenge_before_executing_the_payment(MockServer server) throws ApiException {
        Challenge consumed = api(server).consumeChallenge(CHALLENGE_ID);

        assertThat(consumed.getStatus()).isEqualTo(ChallengeStatus.CONSUMED);
        assertThat(consumed.getConsumedAt()).isNotNull();
        assertThat(consumed.getAssertion()).matches(JWS);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact readsAnUnknownChallenge(PactDslWithProvider builder) {
        return builder.given("no challenge with the id exists", params("challengeId", CHALLENGE_ID))
                .given(TOKEN, params("client", "payments", "scopes", "mfa.challenges.read"))
                .uponReceiving("a request to read a challenge that does not exist")
                .method("GET").path(CHALLENGES + "/" + CHALLENGE_ID)
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .willRespondWith().status(404)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("CHALLENGE_NOT_FOUND"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "readsAnUnknownChallenge")
    void tells_an_unknown_challenge_apart(MockServer server) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> api(server).getChallenge(CHALLENGE_ID));

        assertThat(refused.getCode()).isEqualTo(404);
        assertThat(Wire.errorOf(refused).getCode()).isEqualTo(ErrorCode.CHALLENGE_NOT_FOUND);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact consumesAPendingChallenge(PactDslWithProvider builder) {
        return Wire.post(builder.given(A_CHALLENGE, params("status", "pending"))
                                .given(TOKEN, params("client", "payments", "scopes", "mfa.challenges.consume")),
                        "a request to consume a challenge the user has not verified yet",
                        CHALLENGES + "/${challengeId}:consume")
                .willRespondWith().status(409)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("BAD_REQUEST").stringValue("challengeStatus", "pending"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "consumesAPendingChallenge")
    void does_not_execute_a_payment_the_user_has_not_approved_yet(MockServer server) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> api(server).consumeChallenge(CHALLENGE_ID));

        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(Wire.errorOf(refused).getChallengeStatus()).isEqualTo(ChallengeStatus.PENDING);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact consumesAChallengeTwice(PactDslWithProvider builder) {
        return Wire.post(builder.given(A_CHALLENGE, params("status", "consumed"))
                                .given(TOKEN, params("client", "payments", "scopes", "mfa.challenges.consume")),
                        "a request to consume a challenge that was already consumed",
                        CHALLENGES + "/${challengeId}:consume")
                .willRespondWith().status(410)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("CHALLENGE_NOT_FOUND").stringValue("challengeStatus", "consumed"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "consumesAChallengeTwice")
    void never_executes_a_payment_twice_on_one_approval(MockServer server) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> api(server).consumeChallenge(CHALLENGE_ID));

        assertThat(refused.getCode()).isEqualTo(410);
        assertThat(Wire.errorOf(refused).getCode()).isEqualTo(ErrorCode.CHALLENGE_NOT_FOUND);
        assertThat(Wire.errorOf(refused).getChallengeStatus()).isEqualTo(ChallengeStatus.CONSUMED);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact createsWithoutTheScope(PactDslWithProvider builder) {
        return builder.given(TOKEN, params("client", "payments", "scopes", "mfa.challenges.read"))
                .uponReceiving("a request to create a challenge with a token that lacks mfa.challenges.create")
                .method("POST").path(CHALLENGES)
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(createRequest())
                .willRespondWith().status(403)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("FORBIDDEN"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "createsWithoutTheScope")
    void learns_that_its_token_lacks_a_scope(MockServer server) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> api(server).createChallenge(
                new CreateChallengeRequest().userId(Wire.USER_ID)
                        .context(new StepUpContext().operation("payment").reference("pay_8c1f2")
                                .summary("payment of EUR 40 to ACME"))
                        .allowedMethods(new LinkedHashSet<>(List.of(StepUpMethod.SMS, StepUpMethod.EMAIL)))
                        .nonce(NONCE)));

        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(Wire.errorOf(refused).getCode()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact readsWithAnInvalidToken(PactDslWithProvider builder) {
        return builder.given("the consumer's token is not valid")
                .uponReceiving("a request to read a challenge with a token that is not valid")
                .method("GET").path(CHALLENGES + "/" + CHALLENGE_ID)
                .headers(Wire.AUTHORIZATION, "Bearer " + Wire.EXAMPLE_TOKEN)
                .willRespondWith().status(401)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(Wire.error("UNAUTHORIZED"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "readsWithAnInvalidToken")
    void learns_that_its_token_is_not_accepted(MockServer server) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> api(server).getChallenge(CHALLENGE_ID));

        assertThat(refused.getCode()).isEqualTo(401);
        assertThat(Wire.errorOf(refused).getCode()).isEqualTo(ErrorCode.UNAUTHORIZED);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact readsTheAuditTrailOfAChallenge(PactDslWithProvider builder) {
        return builder.given(A_CHALLENGE, params("status", "pending"))
                .given(TOKEN, params("client", "payments", "scopes", "mfa.audit.read"))
                .uponReceiving("a request to read the recorded decisions of a challenge")
                .method("GET").path("/resources/v3alpha/audit-events")
                .queryParameterFromProviderState("challengeId", "${challengeId}", CHALLENGE_ID)
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .willRespondWith().status(200)
                .matchHeader("X-Request-Id", Wire.REQUEST_ID, "b7c9e0d2-1f3a")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON)
                .body(new PactDslJsonBody().minArrayLike("events", 1)
                        .stringMatcher("id", "evt_[A-Za-z0-9_-]+", "evt_Q2hhbGxlbmdlQ3JlYXRlZA")
                        .stringMatcher("time", Wire.INSTANT, Wire.INSTANT_EXAMPLE)
                        .stringType("type", "challenge.created")
                        .valueFromProviderState("challengeId", "${challengeId}", CHALLENGE_ID)
                        .object("actor").stringType("kind", "service").stringType("id", "payments").closeObject()
                        .closeArray())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "readsTheAuditTrailOfAChallenge")
    void reads_what_was_decided_about_a_challenge_before_disputing_a_payment(MockServer server) throws ApiException {
        ListAuditEventsResponse page = new AuditEventsApi(Wire.sdk(server.getUrl()))
                .listAuditEvents(null, CHALLENGE_ID, null, null, null, null, null);

        assertThat(page.getEvents()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getChallengeId()).isEqualTo(CHALLENGE_ID);
            assertThat(event.getType()).isNotBlank();
            assertThat(event.getActor().getKind()).isNotBlank();
        });
        assertThat(page.getNextPageToken()).isNull();
    }

    private static ChallengesApi api(MockServer server) {
        return new ChallengesApi(Wire.sdk(server.getUrl()));
    }

    private static PactDslJsonBody createRequest() {
        return (PactDslJsonBody) new PactDslJsonBody()
                .stringMatcher("userId", "[A-Za-z0-9._@-]{1,64}", Wire.USER_ID)
                .stringMatcher("nonce", "[A-Za-z0-9._~+/=-]{1,128}", NONCE)
                .object("context")
                .stringValue("operation", "payment")
                .stringMatcher("reference", "[A-Za-z0-9_-]{1,128}", "pay_8c1f2")
                .stringType("summary", "payment of EUR 40 to ACME")
                .closeObject()
                .array("allowedMethods").stringValue("sms").stringValue("email").closeArray();
    }

    private static final String PAYEE_ACCOUNT = "DE89 **** **** **** **** 00";

    private static CreateChallengeRequest paymentChallenge(String amount) {
        return new CreateChallengeRequest().userId(Wire.USER_ID)
                .context(new StepUpContext().operation("payment").reference("pay_8c1f2")
                        .summary("invoice INV-2026-0042")
                        .transaction(new TransactionDetails().type("payment_initiation")
                                .amount(new MonetaryAmount().value(amount).currency("EUR"))
                                .payee(new Payee().name("ACME GmbH").account(PAYEE_ACCOUNT))
                                .reference("INV-2026-0042")))
                .allowedMethods(new LinkedHashSet<>(List.of(StepUpMethod.SMS, StepUpMethod.EMAIL)));
    }

    private static PactDslJsonBody paymentRequest() {
        return paymentRequest("1234.5");
    }

    private static PactDslJsonBody paymentRequest(String amount) {
        return (PactDslJsonBody) new PactDslJsonBody()
                .stringMatcher("userId", "[A-Za-z0-9._@-]{1,64}", Wire.USER_ID)
                .object("context")
                .stringValue("operation", "payment")
                .stringMatcher("reference", "[A-Za-z0-9_-]{1,128}", "pay_8c1f2")
                .stringType("summary", "invoice INV-2026-0042")
                .object("transaction")
                .stringValue("type", "payment_initiation")
                .stringValue("reference", "INV-2026-0042")
                .object("amount").stringValue("value", amount).stringValue("currency", "EUR").closeObject()
                .object("payee").stringValue("name", "ACME GmbH").stringValue("account", PAYEE_ACCOUNT).closeObject()
                .closeObject()
                .closeObject()
                .array("allowedMethods").stringValue("sms").stringValue("email").closeArray();
    }

    /** The challenge as this consumer reads it. */
    private static PactDslJsonBody challenge(String status) {
        PactDslJsonBody body = new PactDslJsonBody()
                .stringMatcher("userId", "[A-Za-z0-9._@-]{1,64}", Wire.USER_ID)
                .stringValue("status", status)
                .integerType("attemptsRemaining", 5)
                .stringMatcher("createdAt", Wire.INSTANT, Wire.INSTANT_EXAMPLE)
                .stringMatcher("expiresAt", Wire.INSTANT, "2026-11-23T10:10:00Z");
        body.minArrayLike("allowedMethods", 1, PactDslJsonRootValue.stringMatcher("sms|email|app", "sms"), 1);
        return body;
    }
}
