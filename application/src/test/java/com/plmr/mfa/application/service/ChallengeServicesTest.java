package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.CreateChallengeUseCase;
import com.plmr.mfa.application.port.in.InitiateCodeDeliveryUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.in.VerifyChallengeCodeUseCase;
import com.plmr.mfa.domain.abuse.AbusePolicy;
import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.abuse.SendQuota;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.ChallengeStatus;
import com.plmr.mfa.domain.challenge.DestinationRefusal;
import com.plmr.mfa.domain.challenge.InitiationOutcome;
import com.plmr.mfa.domain.challenge.OperationDigest;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.DeliveryState;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChallengeServicesTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final UserId USER = new UserId("u-1");
    static final Actor SERVICE = new Actor.Service("payments", Set.of(Scopes.CHALLENGES_CREATE));
    static final Actor SUBJECT = new Actor.User(USER);

    final InMemoryChallengeStore store = new InMemoryChallengeStore();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final CodeHasher hasher = new CodeHasher(new byte[32]);
    final ChallengePolicy policy = ChallengePolicy.defaults();
    final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    final AuditTrail trail = audit.trail(store, clock);
    Challenge challenge;

    @BeforeEach
    void aChallengeForAUserWithAPhone() {
        store.add(new Contact(USER, ContactKind.PHONE, "+4915112345612", NOW, NOW));
        challenge = ((Access.Granted<Challenge>) new CreateChallengeService(store, store, store, policy, trail, clock, new Random(1))
                .create(SERVICE, new CreateChallengeUseCase.Command(USER,
                        new StepUpContext("payment", "pay-1", null, "payment of EUR 40 to ACME"), Set.of(), null)))
                .value();
    }

    @Test
    void initiate_stores_the_new_code_and_its_message_in_one_transaction() {
        int before = store.transactions;
        var initiation = initiate(Locale.GERMAN);
        assertThat(initiation.outcome()).isInstanceOf(InitiationOutcome.Issued.class);
        assertThat(store.transactions - before).isEqualTo(1);
        assertThat(store.writesOutsideTransactions).isEmpty();
        CodeMessage message = store.outbox.get(0);
        assertThat(message.to()).isEqualTo(new Destination(Channel.SMS, "+4915112345612"));
        assertThat(message.locale()).isEqualTo(Locale.GERMAN);
        assertThat(message.summary()).isEqualTo("payment of EUR 40 to ACME");
        assertThat(message.validMinutes()).isEqualTo(5);
        assertThat(message.idempotencyKey()).isEqualTo(message.messageId());
        assertThat(store.challenges.get(challenge.id()).issuedCode().orElseThrow().hash())
                .isEqualTo(hasher.hash(challenge.id(), ChallengeMethod.SMS, OperationDigest.of(challenge.context()),
                        message.code().digits()));
    }

    @Test
    void a_failing_outbox_rolls_the_new_code_back() {
        InitiateCodeDeliveryService failing = new InitiateCodeDeliveryService(store, store, store, store, store,
                (message, now, expires) -> {
                    throw new IllegalStateException("outbox down");
                }, store, policy, store, AbusePolicy.defaults(), hasher, trail, new Random(2), clock);
        assertThatThrownBy(() -> failing.initiate(SUBJECT,
                new InitiateCodeDeliveryUseCase.Command(challenge.id(), ChallengeMethod.SMS, null)))
                .hasMessage("outbox down");
        assertThat(store.challenges.get(challenge.id()).issuedCode()).isEmpty();
        assertThat(store.outbox).isEmpty();
    }

    @Test
    void a_user_without_the_destination_gets_no_code_and_spends_no_send() {
        store.remove(USER, ContactKind.PHONE);
        assertThat(initiate(null).outcome()).isEqualTo(new InitiationOutcome.NoDestination(ChallengeMethod.SMS));
        assertThat(store.challenges.get(challenge.id()).delivery().sends()).isZero();
    }

    @Test
    void a_phone_number_the_fraud_guard_refuses_gets_nothing_queued_spends_no_quota_and_is_audited() {
        DestinationRefusal premium = new DestinationRefusal(DestinationRefusal.Rule.LINE_TYPE, "premium_rate");
        store.refusedNumbers.put("+4915112345612", premium);

        var initiation = initiate(null);

        assertThat(initiation.outcome()).isEqualTo(new InitiationOutcome.DestinationRefused(ChallengeMethod.SMS, premium));
        assertThat(initiation.maskedDestination()).isEqualTo("+49 *** *** 12");
        assertThat(store.outbox).isEmpty();
        assertThat(store.quotasDrawn).isEmpty();
        assertThat(store.challenges.get(challenge.id()).delivery().sends()).isZero();
        assertThat(audit.decisions()).endsWith("code.refused/phone_type_refused");
    }

    @Test
    void an_sms_draws_on_the_quota_of_its_number_range_and_no_other_number_range() {
        initiate(null);

        String range = hasher.pseudonym("range", "+4915112345");
        assertThat(store.quotasDrawn).extracting(SendQuota::key).contains("r:" + range)
                .doesNotContain("r:" + hasher.pseudonym("range", "+4915112346"));
    }

    @Test
    void a_code_reported_undelivered_lets_the_next_initiate_skip_the_cooldown_but_not_the_send_cap() {
        initiate(null);
        assertThat(initiate(null).outcome()).isInstanceOf(InitiationOutcome.CoolingDown.class);

        store.deliveries.put(challenge.id(), new DeliveryState(Channel.SMS, DeliveryState.Status.SENT, 1, NOW,
                new DeliveryReceipt(DeliveryReceipt.Outcome.UNDELIVERED, "30003", NOW)));

        assertThat(initiate(null).outcome()).isInstanceOf(InitiationOutcome.Issued.class);
        for (int send = 2; send < policy.maxSends(); send++) {
            initiate(null);
        }
        assertThat(initiate(null).outcome()).isInstanceOf(InitiationOutcome.SendCapReached.class);
    }

    @Test
    void a_delivered_code_keeps_the_cooldown() {
        initiate(null);
        store.deliveries.put(challenge.id(), new DeliveryState(Channel.SMS, DeliveryState.Status.SENT, 1, NOW,
                new DeliveryReceipt(DeliveryReceipt.Outcome.DELIVERED, null, NOW)));

        assertThat(initiate(null).outcome()).isInstanceOf(InitiationOutcome.CoolingDown.class);
    }

    @Test
    void the_code_sent_verifies_the_challenge() {
        initiate(null);
        String code = store.outbox.get(0).code().digits();
        Access<VerificationOutcome> access = verifier().verify(SUBJECT,
                new VerifyChallengeCodeUseCase.Command(challenge.id(), ChallengeMethod.SMS, code));
        assertThat(((Access.Granted<VerificationOutcome>) access).value()).isInstanceOf(VerificationOutcome.Verified.class);
        assertThat(store.challenges.get(challenge.id()).storedStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(store.writesOutsideTransactions).isEmpty();
    }

    @Test
    void another_user_cannot_act_on_the_challenge_and_a_service_needs_the_scope() {
        var command = new VerifyChallengeCodeUseCase.Command(challenge.id(), ChallengeMethod.SMS, "123456");
        assertThat(verifier().verify(new Actor.User(new UserId("u-2")), command)).isInstanceOf(Access.SubjectMismatch.class);
        assertThat(verifier().verify(SERVICE, command)).isInstanceOf(Access.Forbidden.class);
        assertThat(verifier().verify(new Actor.Service("bff", Set.of(Scopes.CHALLENGES_VERIFY)), command))
                .isInstanceOf(Access.Granted.class);
    }

    @Test
    void a_user_without_an_app_spends_no_attempt() {
        Access<VerificationOutcome> access = verifier().verify(SUBJECT,
                new VerifyChallengeCodeUseCase.Command(challenge.id(), ChallengeMethod.APP, "123456"));
        assertThat(((Access.Granted<VerificationOutcome>) access).value()).isEqualTo(new VerificationOutcome.NoFactor());
        assertThat(store.challenges.get(challenge.id()).attemptsRemaining()).isEqualTo(policy.maxAttempts());
    }

    @Test
    void a_code_of_another_length_than_the_methods_is_refused_as_malformed_and_spends_no_attempt() {
        initiate(null);
        String code = store.outbox.get(0).code().digits();
        Access<VerificationOutcome> access = verifier().verify(SUBJECT,
                new VerifyChallengeCodeUseCase.Command(challenge.id(), ChallengeMethod.SMS, code + "0"));
        assertThat(((Access.Granted<VerificationOutcome>) access).value())
                .isEqualTo(new VerificationOutcome.MalformedCode(Set.of(6)));
        assertThat(store.challenges.get(challenge.id()).attemptsRemaining()).isEqualTo(policy.maxAttempts());
    }

    @Test
    void a_wrong_code_lengthens_the_users_failure_streak_and_the_right_code_ends_it() {
        initiate(null);
        String code = store.outbox.get(0).code().digits();

        assertThat(verified(wrongOf(code))).isInstanceOf(VerificationOutcome.Rejected.class);
        assertThat(store.streaks.get(USER).failures()).isEqualTo(1);
        assertThat(verified(code)).isInstanceOf(VerificationOutcome.Verified.class);
        assertThat(store.streaks.get(USER)).isEqualTo(FailureStreak.none());
        assertThat(store.writesOutsideTransactions).isEmpty();
    }

    @Test
    void a_refusal_that_compares_no_code_leaves_the_streak_as_it_is() {
        initiate(null);
        FailureStreak two = new FailureStreak(2, null);
        store.streaks.put(USER, two);

        assertThat(verified(store.outbox.get(0).code().digits() + "0")).isInstanceOf(VerificationOutcome.MalformedCode.class);
        assertThat(store.streaks.get(USER)).isEqualTo(two);
    }

    @Test
    void a_right_code_without_a_streak_records_nothing() {
        initiate(null);

        assertThat(verified(store.outbox.get(0).code().digits())).isInstanceOf(VerificationOutcome.Verified.class);
        assertThat(store.streaks).doesNotContainKey(USER);
    }

    @Test
    void a_user_whose_streak_is_locked_is_refused_before_any_code_is_compared() {
        initiate(null);
        store.streaks.put(USER, new FailureStreak(10, NOW.plusSeconds(90)));

        assertThat(verified(store.outbox.get(0).code().digits()))
                .isEqualTo(new VerificationOutcome.RateLimited(Duration.ofSeconds(90)));
        assertThat(store.challenges.get(challenge.id()).attemptsRemaining()).isEqualTo(policy.maxAttempts());
        assertThat(store.challenges.get(challenge.id()).storedStatus()).isEqualTo(ChallengeStatus.PENDING);
    }

    @Test
    void users_cannot_create_challenges() {
        assertThat(new CreateChallengeService(store, store, store, policy, trail, clock, new Random(1)).create(SUBJECT,
                new CreateChallengeUseCase.Command(USER, new StepUpContext("payment", "p", null, null), Set.of(), null)))
                .isInstanceOf(Access.Forbidden.class);
    }

    @Test
    void the_command_never_shows_the_code() {
        assertThat(new VerifyChallengeCodeUseCase.Command(challenge.id(), ChallengeMethod.SMS, "123456").toString())
                .doesNotContain("123456");
    }

    private InitiateCodeDeliveryUseCase.Initiation initiate(Locale locale) {
        Access<InitiateCodeDeliveryUseCase.Initiation> access = new InitiateCodeDeliveryService(store, store, store,
                store, store, store, store, policy, store, AbusePolicy.defaults(), hasher, trail, new Random(2), clock)
                .initiate(SUBJECT, new InitiateCodeDeliveryUseCase.Command(challenge.id(), ChallengeMethod.SMS, locale));
        return ((Access.Granted<InitiateCodeDeliveryUseCase.Initiation>) access).value();
    }

    private VerificationOutcome verified(String code) {
        Access<VerificationOutcome> access = verifier().verify(SUBJECT,
                new VerifyChallengeCodeUseCase.Command(challenge.id(), ChallengeMethod.SMS, code));
        return ((Access.Granted<VerificationOutcome>) access).value();
    }

    /** The code with its last digit changed: of the right length, and wrong. */
    private static String wrongOf(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    private VerifyChallengeCodeService verifier() {
        return new VerifyChallengeCodeService(store, store, store, store, hasher, (actor, user, code, now) -> Optional.empty(),
                (actor, user, code, now) -> Optional.empty(), store, AbusePolicy.defaults(), policy, trail, clock);
    }
}
