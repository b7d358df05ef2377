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
import com.plmr.mfa.client.api.UserTotpApi;
import com.plmr.mfa.client.model.StartTotpRegistrationRequest;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.VerifyTotpRegistrationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.plmr.mfa.contracts.Wire.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web backend-for-frontend lets a signed-in user register an authenticator app: it starts a
 * registration, shows the QR code, and activates the registration with the first code the app
 * shows.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Wire.PROVIDER, pactVersion = PactSpecVersion.V3)
public class WebBffTotpRegistrationContractTest {

    private static final String CONSUMER = "web-bff";
    private static final String USER_TOKEN = "the user holds a token";
    private static final String TOTP = "/resources/v3alpha/users/${userId}/totp";
    private static final String TOTP_ID = "totp_3xQm9Lk2Pz";

    @Pact(consumer = CONSUMER)
    public RequestResponsePact startsARegistration(PactDslWithProvider builder) {
        return builder.given("a user", params("userId", Wire.USER_ID))
                .given(USER_TOKEN)
                .uponReceiving("a request to start an authenticator-app registration")
                .method("POST")
                .pathFromProviderState(TOTP, TOTP.replace("${userId}", Wire.USER_ID))
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(new PactDslJsonBody().stringType("issuer", "ACME Pay").stringType("accountName", "jane.doe@example.com")
                        .stringValue("algorithm", "SHA1").integerType("digits", 6).integerType("period", 30))
                .willRespondWith().status(200)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(new PactDslJsonBody()
                        .stringMatcher("totpId", Wire.ID, TOTP_ID)
                        .stringMatcher("uri", "otpauth://totp/.+\\?.*secret=[A-Z2-7]+.*",
                                "otpauth://totp/ACME%20Pay:jane.doe%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Pay")
                        .stringMatcher("secret", "[A-Z2-7]+=*", "JBSWY3DPEHPK3PXP")
                        .stringMatcher("qrCode", "data:image/png;base64,[A-Za-z0-9+/]+=*", "data:image/png;base64,iVBORw0KGgo="))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "startsARegistration")
    void starts_a_registration_and_gets_a_qr_code_to_show(MockServer server) throws ApiException {
        StartTotpRegistrationResponse started = api(server).startTotpRegistration(Wire.USER_ID,
                new StartTotpRegistrationRequest().issuer("ACME Pay").accountName("jane.doe@example.com"));

        assertThat(started.getQrCode()).startsWith("data:image/png;base64,");
        assertThat(started.getUri()).startsWith("otpauth://totp/");
        assertThat(started.getTotpId()).isNotBlank();
    }

    @Pact(consumer = CONSUMER)
    public RequestResponsePact verifiesARegistration(PactDslWithProvider builder) {
        return builder.given("a started authenticator-app registration", params("userId", Wire.USER_ID))
                .given(USER_TOKEN)
                .uponReceiving("a request to activate a registration with the app's first code")
                .method("POST")
                .pathFromProviderState(TOTP + "/${totpId}/_verify",
                        TOTP.replace("${userId}", Wire.USER_ID) + "/" + TOTP_ID + "/_verify")
                .headerFromProviderState(Wire.AUTHORIZATION, Wire.BEARER_FROM_STATE, "Bearer " + Wire.EXAMPLE_TOKEN)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(new PactDslJsonBody().valueFromProviderState("code", "${code}", "123456"))
                .willRespondWith().status(200)
                .matchHeader("Content-Type", Wire.JSON_TYPE, Wire.JSON).body(new PactDslJsonBody())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "verifiesARegistration")
    void activates_the_registration_with_the_first_code(MockServer server) throws ApiException {
        assertThat(api(server).verifyTotpRegistration(Wire.USER_ID, TOTP_ID,
                new VerifyTotpRegistrationRequest().code("123456"))).isNotNull();
    }

    private static UserTotpApi api(MockServer server) {
        return new UserTotpApi(Wire.sdk(server.getUrl()));
    }
}
