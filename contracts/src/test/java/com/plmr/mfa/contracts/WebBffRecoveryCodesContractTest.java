package com.plmr.mfa.contracts;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.RecoveryCodeApi;
import com.plmr.mfa.client.api.UserFactorsApi;
import com.plmr.mfa.client.api.UserRecoveryCodesApi;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.GenerateRecoveryCodesResponse;
import com.plmr.mfa.client.model.ListFactorsResponse;
import com.plmr.mfa.client.model.RecoveryCodes;
import com.plmr.mfa.client.model.VerifyRecoveryCodeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.plmr.mfa.contracts.Wire.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web backend-for-frontend shows a signed-in user a security page: the user's factors (masked
 * phone number, apps, how many recovery codes are left), and lets the user generate a set of
 * recovery codes to print, shown once. A user who lost the phone answers a step-up that allows it with
 * one of those codes.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Wire.PROVIDER, pactVersion = PactSpecVersion.V3)
public class WebBffRecoveryCodesContractTest {

    private static final String CONSUMER = "web-bff";
    private static final String USER_TOKEN = "the user holds a token";
    private static final String WITH_CODES = "a user with a phone number and recovery codes";
    private static final String USER = "/resources/v3alpha/users/${userId}";
    private static final String CODE = "[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}";

    @Pact(consumer = CONSUMER)
    public RequestResponsePact generatesRecoveryCodes(PactDslWithProvider builder) {
        return answer(request(builder, "a user", "a request to generate recovery codes", "POST", "/recovery_codes"),
                new PactDslJsonBody().minArrayLike("codes", 1, PactDslJsonRootValue.stringMatcher(CODE, "7kq2-m9xd-4hvt"), 10)
                        .booleanValue("replacedPrevious", false));
    }

    @Test
    @PactTestFor(pactMethod = "generatesRecoveryCodes")
    void generates_recovery_codes_to_show_once(MockServer server) throws ApiException {
        GenerateRecoveryCodesResponse generated = new UserRecoveryCodesApi(Wire.sdk(server.getUrl()))
                .generateRecoveryCodes(Wire.USER_ID);

        assertThat(generated.getCodes()).hasSize(10).allMatch(code -> code.matches(CODE));
        assertThat(generated.getReplacedPrevious()).isFalse();
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact readsHowManyCodesAreLeft(PactDslWithProvider builder) {
        return answer(request(builder, WITH_CODES, "a request for how many recovery codes are left", "GET",
                "/recovery_codes"), recoveryCodes(new PactDslJsonBody()));
    }

    @Test
    @PactTestFor(pactMethod = "readsHowManyCodesAreLeft")
    void reads_how_many_codes_are_left(MockServer server) throws ApiException {
        RecoveryCodes state = new UserRecoveryCodesApi(Wire.sdk(server.getUrl())).getRecoveryCodes(Wire.USER_ID);

        assertThat(state.getRemaining()).isBetween(0, state.getGenerated());
        assertThat(state.getCreated()).isNotNull();
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact listsTheFactors(PactDslWithProvider builder) {
        return answer(request(builder, WITH_CODES, "a request for the user's factors", "GET", "/factors"),
                new PactDslJsonBody()
                        .object("phone")
                        .stringMatcher("masked", "\\+\\d+[ *]+\\d{2}", "+49 *** *** 12")
                        .stringMatcher("created", Wire.INSTANT, Wire.INSTANT_EXAMPLE)
                        .closeObject()
                        .array("totp").closeArray().asBody()
                        .object("recoveryCodes", recoveryCodes(new PactDslJsonBody())));
    }

    @Test
    @PactTestFor(pactMethod = "listsTheFactors")
    void shows_the_masked_phone_number_and_how_many_recovery_codes_are_left(MockServer server) throws ApiException {
        ListFactorsResponse factors = new UserFactorsApi(Wire.sdk(server.getUrl())).listFactors(Wire.USER_ID);

        assertThat(factors.getPhone().getMasked()).contains("*");
        assertThat(factors.getRecoveryCodes().getRemaining()).isEqualTo(10);
        assertThat(factors.getTotp()).isEmpty();
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact verifiesWithARecoveryCode(PactDslWithProvider builder) {
        return Wire.post(builder.given("a challenge", params("methods", "app,recovery", "status", "pending",
                                "recoveryCodes", "generated"))
                        .given("the challenge's user holds a token"),
                        "a request to verify a challenge with a recovery code",
                        "/internal/v1/mfa/recovery-code/${challengeId}:verify")
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON)
                .body(new PactDslJsonBody().valueFromProviderState("code", "${code}", "7kq2-m9xd-4hvt"))
                .willRespondWith().status(200)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(new PactDslJsonBody()
                        .valueFromProviderState("challengeId", "${challengeId}", Wire.CHALLENGE_ID)
                        .stringValue("status", "verified")
                        .stringValue("verifiedBy", "recovery")
                        .array("methods").stringValue("app").stringValue("recovery").closeArray().asBody()
                        .stringMatcher("verifiedAt", Wire.INSTANT, Wire.INSTANT_EXAMPLE))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "verifiesWithARecoveryCode")
    void passes_the_typed_recovery_code_on_and_learns_the_challenge_is_verified_by_it(MockServer server)
            throws ApiException {
        Challenge challenge = new RecoveryCodeApi(Wire.sdk(server.getUrl())).verifyRecoveryCode(Wire.CHALLENGE_ID,
                new VerifyRecoveryCodeRequest().code("7kq2-m9xd-4hvt"));

        assertThat(challenge.getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(challenge.getVerifiedBy()).isEqualTo("recovery");
    }

    private static PactDslJsonBody recoveryCodes(PactDslJsonBody body) {
        return body.integerType("remaining", 10).integerType("generated", 10)
                .stringMatcher("created", Wire.INSTANT, Wire.INSTANT_EXAMPLE);
    }

    /** A request of the state's user, with the user's token, on a resource below the user. */
    private static PactDslRequestWithPath request(PactDslWithProvider builder, String state, String description,
                                                  String method, String tail) {
        return builder.given(state, params("userId", Wire.USER_ID))
                .given(USER_TOKEN)
                .uponReceiving(description)
                .method(method)
                .pathFromProviderState(USER + tail, USER.replace("${userId}", Wire.USER_ID) + tail)
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN);
    }

    private static RequestResponsePact answer(PactDslRequestWithPath request, PactDslJsonBody body) {
        return request.willRespondWith().status(200).matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(body)
                .toPact();
    }
}
