package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ConsumeChallengeUseCase.Consumption;
import com.plmr.mfa.application.port.in.CreateChallengeUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.SignAssertionPort;
import com.plmr.mfa.domain.assertion.AssertionKey;
import com.plmr.mfa.domain.assertion.AssertionPolicy;
import com.plmr.mfa.domain.assertion.Assurance;
import com.plmr.mfa.domain.assertion.StepUpAssertion;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.ChallengeStatus;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import com.plmr.mfa.domain.challenge.InitiationOutcome;
import com.plmr.mfa.domain.challenge.OperationDigest;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consume signs the assertion of what was approved, for whom it was asked, inside its transaction. */
class ConsumeChallengeServiceTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final UserId USER = new UserId("u-1");
    static final StepUpContext PAYMENT = new StepUpContext("payment", "pay-1", null, "payment of EUR 40 to ACME");
    static final AssertionPolicy ASSERTIONS = new AssertionPolicy("https://mfa.example.com", Duration.ofMinutes(2));

    final InMemoryChallengeStore store = new InMemoryChallengeStore();
    final SteppingClock clock = new SteppingClock(NOW);
    final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    final AuditTrail trail = audit.trail(store, clock);
    final List<StepUpAssertion> signed = new ArrayList<>();
    boolean signerBroken;

    final SignAssertionPort signer = new SignAssertionPort() {
        @Override
        public String sign(StepUpAssertion assertion) {
            if (signerBroken) {
                throw new IllegalStateException("no key");
            }
            signed.add(assertion);
            return "header.claims-of-" + assertion.jwtId() + ".signature";
        }

        @Override
        public List<AssertionKey> publishedKeys() {
            return List.of();
        }
    };

    @Test
    void a_consumed_challenge_comes_with_the_assertion_for_the_service_that_asked_with_its_nonce() {
        Challenge challenge = verified(create("payments", "n-1"));
        clock.advance(Duration.ofSeconds(20));

        Consumption consumption = consume("settlement-batch", challenge);

        assertThat(consumption.outcome()).isInstanceOf(ConsumeOutcome.Consumed.class);
        assertThat(consumption.assertion()).hasValue("header.claims-of-" + challenge.id().value() + ".signature");
        assertThat(signed).singleElement().satisfies(assertion -> {
            assertThat(assertion.audience()).isEqualTo("payments");
            assertThat(assertion.subject()).isEqualTo(USER);
            assertThat(assertion.issuer()).isEqualTo("https://mfa.example.com");
            assertThat(assertion.issuedAt()).isEqualTo(NOW.plusSeconds(20));
            assertThat(assertion.expiresAt()).isEqualTo(NOW.plusSeconds(140));
            assertThat(assertion.authTime()).isEqualTo(NOW);
            assertThat(assertion.assurance()).isEqualTo(Assurance.PSTN);
            assertThat(assertion.amr()).containsExactly("otp", "sms");
            assertThat(assertion.operation()).isEqualTo(OperationDigest.members(PAYMENT));
            assertThat(assertion.operationDigest()).isEqualTo(OperationDigest.of(PAYMENT));
            assertThat(assertion.nonce()).hasValue("n-1");
        });
        assertThat(store.writesOutsideTransactions).isEmpty();
    }

    @Test
    void a_challenge_of_a_requester_not_kept_is_addressed_to_the_service_that_consumes_it() {
        Challenge challenge = verified(create("payments", null));
        store.requesters.clear();

        consume("settlement-batch", challenge);

        assertThat(signed).singleElement().satisfies(assertion -> {
            assertThat(assertion.audience()).isEqualTo("settlement-batch");
            assertThat(assertion.nonce()).isEmpty();
        });
    }

    @Test
    void a_refused_consume_signs_nothing() {
        Challenge pending = create("payments", null);

        Consumption consumption = consume("payments", pending);

        assertThat(consumption.outcome()).isInstanceOf(ConsumeOutcome.NotVerified.class);
        assertThat(consumption.assertion()).isEmpty();
        assertThat(signed).isEmpty();
    }

    @Test
    void a_consume_whose_assertion_cannot_be_signed_is_rolled_back_and_can_be_retried() {
        Challenge challenge = verified(create("payments", null));
        signerBroken = true;

        assertThatThrownBy(() -> consume("payments", challenge)).isInstanceOf(IllegalStateException.class);
        assertThat(store.challenges.get(challenge.id()).storedStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        signerBroken = false;
        assertThat(consume("payments", challenge).assertion()).isPresent();
    }

    private Challenge create(String service, String nonce) {
        Actor creator = new Actor.Service(service, Set.of(Scopes.CHALLENGES_CREATE));
        return ((Access.Granted<Challenge>) new CreateChallengeService(store, store, store, ChallengePolicy.defaults(),
                trail, clock, new Random(1)).create(creator,
                new CreateChallengeUseCase.Command(USER, PAYMENT, Set.of(), null, nonce))).value();
    }

    /** Verified by SMS at {@code NOW}, as the verify use case leaves it. */
    private Challenge verified(Challenge pending) {
        ChallengePolicy policy = ChallengePolicy.defaults();
        InitiationOutcome.Issued issued = pending.issue(ChallengeMethod.SMS, new byte[32], policy, NOW);
        Challenge verified = ((VerificationOutcome.Verified) issued.challenge().settle(ChallengeMethod.SMS, true, NOW))
                .challenge();
        store.challenges.put(verified.id(), verified);
        return verified;
    }

    private Consumption consume(String service, Challenge challenge) {
        Actor consumer = new Actor.Service(service, Set.of(Scopes.CHALLENGES_CONSUME));
        return ((Access.Granted<Consumption>) new ConsumeChallengeService(store, store, store, signer, ASSERTIONS, store,
                trail, clock).consume(consumer, challenge.id())).value();
    }
}
