package com.plmr.mfa.bootstrap;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.VerificationReports;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.CancelChallengeUseCase;
import com.plmr.mfa.application.port.in.ConsumeChallengeUseCase;
import com.plmr.mfa.application.port.in.CreateChallengeUseCase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.application.port.in.GenerateRecoveryCodesUseCase;
import com.plmr.mfa.application.port.in.InitiateCodeDeliveryUseCase;
import com.plmr.mfa.application.port.in.SetContactUseCase;
import com.plmr.mfa.application.port.in.StartTotpRegistrationUseCase;
import com.plmr.mfa.application.port.in.VerifyChallengeCodeUseCase;
import com.plmr.mfa.domain.authenticator.Totp;
import com.plmr.mfa.domain.challenge.CancelOutcome;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import com.plmr.mfa.domain.challenge.InitiationOutcome;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies every consumer's pact (contracts/target/pacts, written by the contracts module's
 * consumer tests) against the whole running service on the real database. Provider states are
 * built through the application's own use cases, never by writing rows; they hand the generated
 * challenge ids, the codes the user received and valid bearer tokens back to the verification as
 * provider-state values ({@code ${challengeId}}, {@code ${code}}, {@code ${token}}). The verifier
 * reports each interaction to a JSON file per pact ({@code target/pact/reports}) rather than the
 * build's console; a failed interaction fails its test with the mismatches.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Provider("mfa-totp")
@PactFolder(ConsumerContractsProviderTest.PACTS)
@VerificationReports(value = "json", reportDir = "target/pact/reports")
class ConsumerContractsProviderTest implements TestPropertyProvider {

    static final String PACTS = "../contracts/target/pacts";
    private static final String ALL_METHODS = "sms,email,app";

    @Inject
    EmbeddedServer server;
    @Inject
    CreateChallengeUseCase create;
    @Inject
    SetContactUseCase contacts;
    @Inject
    InitiateCodeDeliveryUseCase initiate;
    @Inject
    VerifyChallengeCodeUseCase verify;
    @Inject
    ConsumeChallengeUseCase consume;
    @Inject
    CancelChallengeUseCase cancel;
    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    RecordingSender provider;
    @Inject
    StartTotpRegistrationUseCase startTotp;
    @Inject
    GenerateRecoveryCodesUseCase recoveryCodes;
    @Inject
    TestClock clock;

    private UserId user;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @BeforeEach
    void pointAtTheRunningService(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", server.getPort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void the_service_honours_every_interaction_its_consumers_rely_on(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State("the consumer holds a service token")
    public Map<String, Object> aServiceToken(Map<String, Object> params) {
        return Map.of("token", TestTokens.service(text(params, "client", "payments"), text(params, "scopes", "")));
    }

    @State("a user")
    public Map<String, Object> aUser() {
        user = new UserId("u-" + UUID.randomUUID());
        return Map.of("userId", user.value());
    }

    @State("the user holds a token")
    public Map<String, Object> theUserHoldsAToken() {
        return Map.of("token", TestTokens.user(user.value()));
    }

    /** Started through the use case as the user; the code is the app's current one. */
    @State("a started authenticator-app registration")
    public Map<String, Object> aStartedRegistration() {
        user = new UserId("u-" + UUID.randomUUID());
        StartTotpRegistrationUseCase.Started started = ((Access.Granted<StartTotpRegistrationUseCase.Started>) startTotp
                .start(new Actor.User(user), new StartTotpRegistrationUseCase.Command(user, Optional.empty(),
                        Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty()))).value();
        Totp totp = new Totp(started.registration().parameters());
        String code = totp.codeAt(started.secret(), totp.timeStep(clock.instant()));
        return Map.of("userId", user.value(), "totpId", started.registration().id().value(), "code", code);
    }

    /** A fresh user with a phone number and a set of recovery codes, both through the use cases as the user. */
    @State("a user with a phone number and recovery codes")
    public Map<String, Object> aUserWithRecoveryCodes() {
        user = new UserId("u-" + UUID.randomUUID());
        Actor asUser = new Actor.User(user);
        Services.granted(contacts.set(asUser, user, ContactKind.PHONE, uniquePhone()));
        Services.granted(recoveryCodes.generate(asUser, user));
        return Map.of("userId", user.value());
    }

    /** A fresh user with one factor of each kind and a challenge still pending, for an administrator's reset. */
    @State("a user with a phone, an e-mail address, an authenticator app and a pending challenge")
    public Map<String, Object> aUserWithFactors() {
        user = new UserId("u-" + UUID.randomUUID());
        Services.granted(contacts.set(Services.ALL, user, ContactKind.PHONE, uniquePhone()));
        Services.granted(contacts.set(Services.ALL, user, ContactKind.EMAIL, user.value() + "@example.com"));
        Services.granted(startTotp.start(new Actor.User(user), new StartTotpRegistrationUseCase.Command(user,
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty())));
        Services.granted(create.create(Services.ALL, new CreateChallengeUseCase.Command(user,
                new StepUpContext("payment", "pay-" + UUID.randomUUID(), null, "payment of EUR 40 to ACME"),
                methods(ALL_METHODS), Locale.ENGLISH)));
        return Map.of("userId", user.value());
    }

    @State("the consumer's token is not valid")
    public void anInvalidToken() {
        // the consumer's example token is sent as it is: it is not a signed JWT
    }

    @State("no challenge with the id exists")
    public void noSuchChallenge() {
        // challenge ids carry 128 random bits: the consumer's example id is unknown
    }

    @State("the challenge's user holds a token")
    public Map<String, Object> theUsersToken() {
        return Map.of("token", TestTokens.user(user.value()));
    }

    @State("another user holds a token")
    public Map<String, Object> anotherUsersToken() {
        return Map.of("token", TestTokens.user("u-other-" + UUID.randomUUID()));
    }

    /**
     * A challenge of a fresh user. Parameters: {@code status} (pending, verified, consumed,
     * cancelled), {@code methods} (comma separated), {@code phone} and {@code email} (on record
     * when present; the provider uses a destination of its own so each code is told apart) and
     * {@code sent} (sms or email: a code was just sent; its value is returned as {@code code}) and
     * {@code recoveryCodes} ({@code generated}: the user has a set; one of its codes is returned as
     * {@code code}).
     */
    @State("a challenge")
    public Map<String, Object> aChallenge(Map<String, Object> params) {
        user = new UserId("u-" + UUID.randomUUID());
        String phone = params.containsKey("phone") || reachesVerified(params) ? uniquePhone() : null;
        String email = params.containsKey("email") ? user.value() + "@example.com" : null;
        if (phone != null) {
            Services.granted(contacts.set(Services.ALL, user, ContactKind.PHONE, phone));
        }
        if (email != null) {
            Services.granted(contacts.set(Services.ALL, user, ContactKind.EMAIL, email));
        }
        Challenge challenge = Services.granted(create.create(Services.ALL, new CreateChallengeUseCase.Command(user,
                new StepUpContext("payment", "pay-" + UUID.randomUUID(), null, "payment of EUR 40 to ACME"),
                methods(text(params, "methods", ALL_METHODS)), Locale.ENGLISH)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("challengeId", challenge.id().value());
        values.put("userId", user.value());
        String sent = text(params, "sent", reachesVerified(params) ? "sms" : null);
        if (sent != null) {
            String destination = sent.equals("sms") ? phone : email;
            String code = sendCode(challenge, ChallengeMethod.valueOf(sent.toUpperCase(Locale.ROOT)), destination);
            values.put("code", code);
            values.put("wrongCode", wrong(code));
        }
        if (params.containsKey("recoveryCodes")) {
            values.put("code", Services.granted(recoveryCodes.generate(new Actor.User(user), user)).set().codes()
                    .get(0).grouped());
        }
        advance(challenge, text(params, "status", "pending"), values);
        return values;
    }

    private void advance(Challenge challenge, String status, Map<String, Object> values) {
        switch (status) {
            case "pending" -> { }
            case "verified", "consumed" -> {
                var outcome = Services.granted(verify.verify(Services.ALL, new VerifyChallengeCodeUseCase.Command(
                        challenge.id(), ChallengeMethod.SMS, (String) values.get("code"))));
                assertThat(outcome).isInstanceOf(VerificationOutcome.Verified.class);
                if (status.equals("consumed")) {
                    assertThat(Services.granted(consume.consume(Services.ALL, challenge.id())).outcome())
                            .isInstanceOf(ConsumeOutcome.Consumed.class);
                }
            }
            case "cancelled" -> assertThat(Services.granted(cancel.cancel(Services.ALL, challenge.id())))
                    .isInstanceOf(CancelOutcome.Cancelled.class);
            default -> throw new IllegalArgumentException("no provider state for a challenge that is " + status);
        }
    }

    private String sendCode(Challenge challenge, ChallengeMethod method, String destination) {
        var initiation = Services.granted(initiate.initiate(Services.ALL,
                new InitiateCodeDeliveryUseCase.Command(challenge.id(), method, Locale.ENGLISH)));
        assertThat(initiation.outcome()).isInstanceOf(InitiationOutcome.Issued.class);
        dispatcher.dispatchDue();
        return provider.lastTo(destination).orElseThrow().code().digits();
    }

    private static boolean reachesVerified(Map<String, Object> params) {
        return Set.of("verified", "consumed").contains(text(params, "status", "pending"));
    }

    private static Set<ChallengeMethod> methods(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(m -> ChallengeMethod.valueOf(m.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChallengeMethod.class)));
    }

    /** A code of the same length that differs in every digit, so it can never be right. */
    private static String wrong(String code) {
        StringBuilder wrong = new StringBuilder(code.length());
        code.chars().forEach(digit -> wrong.append((char) ('0' + (digit - '0' + 1) % 10)));
        return wrong.toString();
    }

    private static String uniquePhone() {
        return "+49151" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    private static String text(Map<String, Object> params, String name, String fallback) {
        Object value = params.get(name);
        return value == null ? fallback : value.toString();
    }

}
