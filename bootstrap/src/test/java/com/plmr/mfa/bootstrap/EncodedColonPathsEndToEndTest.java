package com.plmr.mfa.bootstrap;

import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that percent-encodes the colon of a custom method reaches the same operation (spec: "Colon paths"). */
@MicronautTest(transactional = false)
class EncodedColonPathsEndToEndTest extends EndToEndTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {":", "%3A", "%3a"})
    void consume_answers_the_same_whether_the_colon_is_literal_or_encoded(String colon) throws Exception {
        Challenge challenge = api.newChallenge(api.newUser("+4915112345699", null), ChallengeMethod.SMS);

        HttpResponse<String> response = post("/internal/v1/mfa/challenges/" + challenge.getChallengeId() + colon + "consume");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("\"challengeStatus\":\"pending\"");
    }

    @Test
    void an_encoded_colon_before_anything_but_a_custom_method_reaches_no_operation() throws IOException, InterruptedException, ApiException {
        Challenge challenge = api.newChallenge(api.newUser("+4915112345698", null), ChallengeMethod.SMS);

        HttpResponse<String> response = post("/internal/v1/mfa/challenges/" + challenge.getChallengeId() + "%3Adelete");

        assertThat(response.statusCode()).isIn(404, 405);
        assertThat(response.body()).contains("RESOURCE_UNKNOWN");
    }

    @Test
    void only_the_verb_colon_is_decoded_and_the_query_is_kept() {
        assertThat(EncodedColonPaths.decodeVerbColon("/internal/v1/mfa/totp-sms/ch_1%3Averify?x=%3A"))
                .isEqualTo("/internal/v1/mfa/totp-sms/ch_1:verify?x=%3A");
        assertThat(EncodedColonPaths.decodeVerbColon("/resources/v3alpha/users/a%3Averify"))
                .isEqualTo("/resources/v3alpha/users/a%3Averify");
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + TestTokens.service("payments", TestTokens.ALL_SCOPES))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
