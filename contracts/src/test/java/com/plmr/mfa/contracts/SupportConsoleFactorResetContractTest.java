package com.plmr.mfa.contracts;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.FactorAdminApi;
import com.plmr.mfa.client.model.ResetFactorsRequest;
import com.plmr.mfa.client.model.ResetFactorsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.plmr.mfa.contracts.Wire.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The support console lets an agent give a user who lost a phone a fresh start: after checking the
 * user's identity it resets the user's factors, naming the ticket as the reason, and shows how many
 * factors were removed and challenges cancelled. A reset without a reason is refused.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Wire.PROVIDER, pactVersion = PactSpecVersion.V3)
public class SupportConsoleFactorResetContractTest {

    private static final String CONSUMER = "support-console";
    private static final String TOKEN = "the consumer holds a service token";
    private static final String RESET = "/resources/v3alpha/users/${userId}/factors/_reset";
    private static final String REASON = "Ticket SUP-4711: phone lost, identity checked in person";

    @Pact(consumer = CONSUMER)
    public RequestResponsePact resetsTheFactorsOfAUser(PactDslWithProvider builder) {
        return builder.given("a user with a phone, an e-mail address, an authenticator app and a pending challenge",
                        params("userId", Wire.USER_ID))
                .given(TOKEN, params("client", "support-console", "scopes", "mfa.factors.admin"))
                .uponReceiving("a request to reset all factors of a user, with a reason")
                .method("POST")
                .pathFromProviderState(RESET, RESET.replace("${userId}", Wire.USER_ID))
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON)
                .body(new PactDslJsonBody().stringValue("reason", REASON))
                .willRespondWith().status(200)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(resetAnswer())
                .toPact();
    }

    /** What was removed, by kind, and the challenges cancelled: one of each here. */
    private static PactDslJsonBody resetAnswer() {
        PactDslJsonBody body = new PactDslJsonBody();
        body.object("details").stringType("id", Wire.USER_ID)
                .stringMatcher("changed", Wire.INSTANT, Wire.INSTANT_EXAMPLE).closeObject();
        body.object("removed").integerType("phones", 1).integerType("emails", 1)
                .integerType("totpRegistrations", 1).closeObject();
        body.integerType("cancelledChallenges", 1);
        return body;
    }

    @Test
    @PactTestFor(pactMethod = "resetsTheFactorsOfAUser")
    void resets_the_factors_and_shows_what_was_removed(MockServer server) throws ApiException {
        ResetFactorsResponse reset = api(server).resetFactors(Wire.USER_ID, new ResetFactorsRequest().reason(REASON));

        assertThat(reset.getRemoved().getTotpRegistrations()).isEqualTo(1);
        assertThat(reset.getCancelledChallenges()).isEqualTo(1);
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact refusesAResetWithoutAReason(PactDslWithProvider builder) {
        return builder.given("a user", params("userId", Wire.USER_ID))
                .given(TOKEN, params("client", "support-console", "scopes", "mfa.factors.admin"))
                .uponReceiving("a request to reset the factors of a user with a blank reason")
                .method("POST")
                .pathFromProviderState(RESET, RESET.replace("${userId}", Wire.USER_ID))
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON)
                .body(new PactDslJsonBody().stringValue("reason", " "))
                .willRespondWith().status(400)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON)
                .body(new PactDslJsonBody().integerType("code", 3).stringType("message", "The request has invalid fields"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "refusesAResetWithoutAReason")
    void a_reset_without_a_reason_is_refused(MockServer server) {
        assertThatThrownBy(() -> api(server).resetFactors(Wire.USER_ID, new ResetFactorsRequest().reason(" ")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }

    private static FactorAdminApi api(MockServer server) {
        return new FactorAdminApi(Wire.sdk(server.getUrl()));
    }
}
