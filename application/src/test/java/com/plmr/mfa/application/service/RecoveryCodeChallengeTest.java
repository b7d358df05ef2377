package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.CreateChallengeUseCase;
import com.plmr.mfa.application.port.in.GenerateRecoveryCodesUseCase.Generated;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.in.VerifyChallengeCodeUseCase;
import com.plmr.mfa.domain.abuse.AbusePolicy;
import com.plmr.mfa.domain.abuse.FailureStreak;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.recovery.RecoveryCodePolicy;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A recovery code answering a challenge: single use, only where allowed, under the budget and the streak. */
class RecoveryCodeChallengeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final UserId USER = new UserId("u-1");
    private static final Actor AS_USER = new Actor.User(USER);
    private static final Actor SERVICE = new Actor.Service("payments", Set.of(Scopes.CHALLENGES_CREATE));

    private final InMemoryChallengeStore store = new InMemoryChallengeStore();
    private final InMemoryRecoveryCodes codes = new InMemoryRecoveryCodes();
    private final SteppingClock clock = new SteppingClock(NOW);
    private final CodeHasher hasher = new CodeHasher(new byte[32]);
    private final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    private final AuditTrail trail = audit.trail(store, clock);
    private final VerifyChallengeCodeService verifier = new VerifyChallengeCodeService(store, store, store, store, hasher,
            (actor, user, code, now) -> Optional.empty(), new CheckRecoveryCodeService(codes, codes, hasher, trail),
            store, AbusePolicy.defaults(), ChallengePolicy.defaults(), trail, clock);
    private final Random ids = new Random(1);
    private List<String> recoveryCodes;

    @BeforeEach
    void aUserWithRecoveryCodes() {
        Generated generated = ((Access.Granted<Generated>) new GenerateRecoveryCodesService(codes, store, hasher,
                RecoveryCodePolicy.defaults(), trail, clock, new Random(9)).generate(AS_USER, USER)).value();
        recoveryCodes = generated.set().codes().stream().map(code -> code.grouped()).toList();
        audit.appended.clear();
    }

    private Challenge challengeAllowing(ChallengeMethod... methods) {
        return ((Access.Granted<Challenge>) new CreateChallengeService(store, store, store, ChallengePolicy.defaults(),
                trail, clock, ids).create(SERVICE, new CreateChallengeUseCase.Command(USER,
                new StepUpContext("payment", "pay-1", null, null), Set.of(methods), null))).value();
    }

    private VerificationOutcome verify(Challenge challenge, String code) {
        return ((Access.Granted<VerificationOutcome>) verifier.verify(AS_USER,
                new VerifyChallengeCodeUseCase.Command(challenge.id(), ChallengeMethod.RECOVERY, code))).value();
    }

    @Test
    void a_recovery_code_verifies_a_challenge_that_allows_it_once_and_is_then_used_up() {
        Challenge first = challengeAllowing(ChallengeMethod.APP, ChallengeMethod.RECOVERY);
        Challenge second = challengeAllowing(ChallengeMethod.RECOVERY);

        assertThat(verify(first, recoveryCodes.get(0).toUpperCase().replace("-", " ")))
                .isInstanceOf(VerificationOutcome.Verified.class);
        assertThat(store.challenges.get(first.id()).verified().orElseThrow().method()).isEqualTo(ChallengeMethod.RECOVERY);
        assertThat(verify(second, recoveryCodes.get(0))).isEqualTo(new VerificationOutcome.Rejected(
                store.challenges.get(second.id()), 4));
        assertThat(codes.summaryOf(USER).orElseThrow().remaining()).isEqualTo(9);
        assertThat(audit.decisions()).contains("recovery_code.used", "verify.succeeded", "verify.refused/code_wrong");
        assertThat(audit.decisions()).filteredOn("recovery_code.used"::equals).hasSize(1);
    }

    @Test
    void a_challenge_that_names_no_methods_or_not_recovery_refuses_a_recovery_code_and_uses_none() {
        Challenge byDefault = challengeAllowing();
        Challenge appOnly = challengeAllowing(ChallengeMethod.APP);

        assertThat(byDefault.terms().allowedMethods()).containsExactlyInAnyOrder(ChallengeMethod.SMS,
                ChallengeMethod.EMAIL, ChallengeMethod.APP);
        assertThat(verify(byDefault, recoveryCodes.get(0)))
                .isEqualTo(new VerificationOutcome.MethodNotAllowed(ChallengeMethod.RECOVERY));
        assertThat(verify(appOnly, recoveryCodes.get(0)))
                .isEqualTo(new VerificationOutcome.MethodNotAllowed(ChallengeMethod.RECOVERY));
        assertThat(codes.summaryOf(USER).orElseThrow().remaining()).isEqualTo(10);
    }

    @Test
    void a_wrong_code_spends_an_attempt_and_lengthens_the_streak_like_any_wrong_code() {
        Challenge challenge = challengeAllowing(ChallengeMethod.RECOVERY);

        VerificationOutcome outcome = verify(challenge, "0000-0000-0000");

        assertThat(outcome).isInstanceOf(VerificationOutcome.Rejected.class);
        assertThat(((VerificationOutcome.Rejected) outcome).attemptsRemaining()).isEqualTo(4);
        assertThat(store.streaks.get(USER).failures()).isEqualTo(1);
        assertThat(codes.summaryOf(USER).orElseThrow().remaining()).isEqualTo(10);
    }

    @Test
    void a_user_whose_streak_is_locked_is_refused_before_the_code_is_looked_at() {
        store.streaks.put(USER, new FailureStreak(20, NOW.plusSeconds(60)));
        Challenge challenge = challengeAllowing(ChallengeMethod.RECOVERY);

        assertThat(verify(challenge, recoveryCodes.get(0))).isInstanceOf(VerificationOutcome.RateLimited.class);
        assertThat(codes.summaryOf(USER).orElseThrow().remaining()).isEqualTo(10);
    }

    @Test
    void a_user_with_every_code_used_has_no_factor_and_spends_no_attempt() {
        recoveryCodes.forEach(code -> assertThat(verify(challengeAllowing(ChallengeMethod.RECOVERY), code))
                .isInstanceOf(VerificationOutcome.Verified.class));
        Challenge challenge = challengeAllowing(ChallengeMethod.RECOVERY);

        assertThat(verify(challenge, recoveryCodes.get(0))).isEqualTo(new VerificationOutcome.NoFactor());
        assertThat(store.challenges.get(challenge.id()).attemptsRemaining()).isEqualTo(5);
    }

    @Test
    void the_command_reads_a_recovery_code_leniently_and_refuses_what_cannot_be_one() {
        Challenge challenge = challengeAllowing(ChallengeMethod.RECOVERY);

        assertThat(VerifyChallengeCodeUseCase.Command.isWellFormed(ChallengeMethod.RECOVERY, "7KQ2 M9XD 4HVT")).isTrue();
        assertThat(VerifyChallengeCodeUseCase.Command.isWellFormed(ChallengeMethod.RECOVERY, "123456")).isFalse();
        assertThat(VerifyChallengeCodeUseCase.Command.isWellFormed(ChallengeMethod.SMS, "7kq2-m9xd-4hvt")).isFalse();
        assertThatThrownBy(() -> new VerifyChallengeCodeUseCase.Command(challenge.id(), ChallengeMethod.RECOVERY,
                "123456")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new VerifyChallengeCodeUseCase.Command(challenge.id(), ChallengeMethod.RECOVERY, "7kq2-m9xd-4hvt")
                .toString()).doesNotContain("7kq2");
    }
}
