package com.plmr.mfa.bootstrap;

import com.plmr.mfa.client.ApiClient;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.ChallengesApi;
import com.plmr.mfa.client.api.TotpEmailApi;
import com.plmr.mfa.client.api.TotpSmsApi;
import com.plmr.mfa.client.api.UserContactsApi;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.SetEmailRequest;
import com.plmr.mfa.client.model.SetPhoneRequest;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.StepUpMethod;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The generated Java SDK pointed at a running instance, with tokens for a consumer service and users. */
final class ApiFixture {

    private final URI base;

    ApiFixture(EmbeddedServer server) {
        this.base = server.getURI();
    }

    ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString());
        client.setRequestInterceptor(builder -> builder.header("Authorization", "Bearer " + bearer));
        return client;
    }

    ApiClient service() {
        return client(TestTokens.service("payments", TestTokens.ALL_SCOPES));
    }

    ApiClient user(String userId) {
        return client(TestTokens.user(userId));
    }

    ChallengesApi challenges() {
        return new ChallengesApi(service());
    }

    TotpSmsApi sms(String userId) {
        return new TotpSmsApi(user(userId));
    }

    TotpEmailApi email(String userId) {
        return new TotpEmailApi(user(userId));
    }

    /** A phone number no other test uses, so a stub or a sent message can be matched by it. */
    static String newPhone() {
        return "+49151" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A fresh user with a phone number and an e-mail address on record. */
    String newUser(String phone, String email) throws ApiException {
        String userId = "u-" + UUID.randomUUID();
        UserContactsApi contacts = new UserContactsApi(service());
        if (phone != null) {
            contacts.setPhone(userId, new SetPhoneRequest().phone(phone));
        }
        if (email != null) {
            contacts.setEmail(userId, new SetEmailRequest().email(email));
        }
        return userId;
    }

    /** A new user with a new phone number, a challenge of theirs and an SMS code initiated for it: its id. */
    String initiatedSmsChallenge() throws ApiException {
        String user = newUser(newPhone(), null);
        Challenge challenge = newChallenge(user, ChallengeMethod.SMS);
        sms(user).initiateSms(challenge.getChallengeId(), null);
        return challenge.getChallengeId();
    }

    Challenge newChallenge(String userId, ChallengeMethod... methods) throws ApiException {
        return challengeAllowing(userId, Arrays.stream(methods).map(method -> StepUpMethod.fromValue(method.getValue()))
                .toArray(StepUpMethod[]::new));
    }

    /** A challenge that allows {@code methods}, recovery codes among them; the default methods when none. */
    Challenge challengeAllowing(String userId, StepUpMethod... methods) throws ApiException {
        return challenges().createChallenge(new CreateChallengeRequest().userId(userId)
                .context(new StepUpContext().operation("payment").reference("pay-" + UUID.randomUUID())
                        .summary("payment of EUR 40 to ACME"))
                .allowedMethods(methods.length == 0 ? null : new java.util.LinkedHashSet<>(List.of(methods))));
    }
}
