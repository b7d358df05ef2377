package com.plmr.mfa.domain.challenge;

import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChallengeTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final ChallengePolicy POLICY = ChallengePolicy.defaults();
    static final byte[] HASH = {1, 2, 3};
    static final byte[] OTHER_HASH = {9, 9, 9};
    static final boolean RIGHT = true;
    static final boolean WRONG = false;

    /** What the service does with a delivered code: ask the challenge, compare only if it admits, settle. */
    static VerificationOutcome verify(Challenge challenge, ChallengeMethod method, boolean right, Instant now) {
        return challenge.refuseVerification(method, now).orElseGet(() -> challenge.settle(method, right, now));
    }

    /** The same with the verdict on an authenticator-app code. */
    static VerificationOutcome verifyApp(Challenge challenge, TotpCheck verdict, Instant now) {
        return challenge.refuseVerification(ChallengeMethod.APP, now).orElseGet(() -> challenge.settle(verdict, now));
    }

    static Challenge pending(ChallengeMethod... methods) {
        Set<ChallengeMethod> allowed = methods.length == 0 ? Set.of() : EnumSet.of(methods[0], methods);
        return Challenge.open(new ChallengeId("ch_test"), new UserId("u-1"),
                new StepUpContext("payment", "pay-1", null, "payment of EUR 40 to ACME"), allowed, Locale.GERMAN,
                POLICY, T0);
    }

    static Challenge withSmsCode(Instant at) {
        return pending().issue(ChallengeMethod.SMS, HASH, POLICY, at).challenge();
    }

    @Nested
    class Opening {
        @Test
        void a_challenge_cannot_hold_more_spent_attempts_than_its_budget_or_no_method() {
            assertThatThrownBy(() -> new AttemptBudget(6, 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AttemptBudget(-1, 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Terms(Set.of(), Locale.GERMAN, T0, T0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_new_challenge_is_pending_with_the_full_budget_and_every_method_allowed_by_default() {
            Challenge challenge = pending();
            assertThat(challenge.statusAt(T0)).isEqualTo(ChallengeStatus.PENDING);
            assertThat(challenge.attemptsRemaining()).isEqualTo(5);
            assertThat(challenge.terms().allowedMethods()).containsExactlyInAnyOrder(ChallengeMethod.SMS,
                    ChallengeMethod.EMAIL, ChallengeMethod.APP);
            assertThat(challenge.terms().expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        }

        @Test
        void a_recovery_code_answers_only_a_challenge_that_names_it_and_is_never_sent() {
            assertThat(verify(pending(), ChallengeMethod.RECOVERY, RIGHT, T0))
                    .isEqualTo(new VerificationOutcome.MethodNotAllowed(ChallengeMethod.RECOVERY));
            Challenge allowing = pending(ChallengeMethod.APP, ChallengeMethod.RECOVERY);

            assertThat(allowing.refuseInitiation(ChallengeMethod.RECOVERY, POLICY, T0))
                    .contains(new InitiationOutcome.MethodNotAllowed(ChallengeMethod.RECOVERY));
            assertThat(verify(allowing, ChallengeMethod.RECOVERY, WRONG, T0)).isInstanceOf(VerificationOutcome.Rejected.class);
            VerificationOutcome right = verify(allowing, ChallengeMethod.RECOVERY, RIGHT, T0);
            assertThat(right).isInstanceOf(VerificationOutcome.Verified.class);
            assertThat(((VerificationOutcome.Verified) right).challenge().verified().orElseThrow().method())
                    .isEqualTo(ChallengeMethod.RECOVERY);
        }

        @Test
        void it_expires_at_the_end_of_its_lifetime_and_not_a_moment_before() {
            Challenge challenge = pending();
            assertThat(challenge.statusAt(T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isEqualTo(ChallengeStatus.PENDING);
            assertThat(challenge.statusAt(T0.plus(Duration.ofMinutes(10)))).isEqualTo(ChallengeStatus.EXPIRED);
        }
    }

    @Nested
    class Initiating {
        @Test
        void issuing_a_code_counts_a_send_and_sets_code_expiry_and_cooldown() {
            InitiationOutcome.Issued issued = pending().issue(ChallengeMethod.SMS, HASH, POLICY, T0);
            assertThat(issued.codeExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(issued.resendAvailableAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(issued.sendsRemaining()).isEqualTo(4);
            assertThat(issued.replacedPreviousCode()).isFalse();
        }

        @Test
        void a_resend_within_the_cooldown_is_refused_with_the_time_left() {
            Challenge challenge = withSmsCode(T0);
            assertThat(challenge.refuseInitiation(ChallengeMethod.SMS, POLICY, T0.plusSeconds(10)))
                    .contains(new InitiationOutcome.CoolingDown(Duration.ofSeconds(20)));
        }

        @Test
        void a_resend_replaces_the_previous_code_and_says_so() {
            InitiationOutcome.Issued second = withSmsCode(T0).issue(ChallengeMethod.SMS, OTHER_HASH, POLICY, T0.plusSeconds(30));
            assertThat(second.replacedPreviousCode()).isTrue();
            assertThat(second.challenge().issuedCode().orElseThrow().hash()).isEqualTo(OTHER_HASH);
        }

        @Test
        void sends_stop_at_the_cap() {
            Challenge challenge = pending();
            Instant at = T0;
            for (int i = 0; i < 5; i++) {
                challenge = challenge.issue(ChallengeMethod.SMS, HASH, POLICY, at).challenge();
                at = at.plusSeconds(30);
            }
            assertThat(challenge.refuseInitiation(ChallengeMethod.SMS, POLICY, at))
                    .hasValueSatisfying(refusal -> assertThat(refusal).isInstanceOf(InitiationOutcome.SendCapReached.class));
        }

        @Test
        void a_code_never_outlives_its_challenge() {
            InitiationOutcome.Issued late = pending().issue(ChallengeMethod.SMS, HASH, POLICY, T0.plus(Duration.ofMinutes(8)));
            assertThat(late.codeExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        }

        @Test
        void a_method_the_consumer_did_not_allow_is_refused() {
            assertThat(pending(ChallengeMethod.EMAIL).refuseInitiation(ChallengeMethod.SMS, POLICY, T0))
                    .contains(new InitiationOutcome.MethodNotAllowed(ChallengeMethod.SMS));
        }

        @Test
        void issuing_despite_a_refusal_is_a_programming_error() {
            assertThatThrownBy(() -> withSmsCode(T0).issue(ChallengeMethod.SMS, HASH, POLICY, T0))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Verifying {
        @Test
        void the_right_code_verifies_and_spends_no_attempt() {
            VerificationOutcome outcome = verify(withSmsCode(T0), ChallengeMethod.SMS, RIGHT, T0.plusSeconds(5));
            assertThat(outcome).isInstanceOfSatisfying(VerificationOutcome.Verified.class, verified -> {
                assertThat(verified.challenge().storedStatus()).isEqualTo(ChallengeStatus.VERIFIED);
                assertThat(verified.challenge().attemptsRemaining()).isEqualTo(5);
                assertThat(verified.challenge().verified()).map(Verification::method).contains(ChallengeMethod.SMS);
                assertThat(verified.challenge().issuedCode()).isEmpty();
            });
            assertThat(outcome.streakEffect()).isEqualTo(VerificationOutcome.StreakEffect.ENDS);
        }

        @Test
        void wrong_codes_count_down_and_the_last_one_locks() {
            Challenge challenge = withSmsCode(T0);
            for (int left = 4; left >= 0; left--) {
                VerificationOutcome outcome = verify(challenge, ChallengeMethod.SMS, WRONG, T0);
                assertThat(outcome).isEqualTo(new VerificationOutcome.Rejected(((Transition) outcome).challenge(), left));
                challenge = ((Transition) outcome).challenge();
            }
            assertThat(challenge.statusAt(T0)).isEqualTo(ChallengeStatus.LOCKED);
            assertThat(verify(challenge, ChallengeMethod.SMS, RIGHT, T0))
                    .isEqualTo(new VerificationOutcome.NotPending(ChallengeStatus.LOCKED));
        }

        @Test
        void a_wrong_code_keeps_the_code_for_another_try_and_the_lock_drops_it() {
            Challenge challenge = withSmsCode(T0);
            for (int wrong = 1; wrong < POLICY.maxAttempts(); wrong++) {
                challenge = ((Transition) verify(challenge, ChallengeMethod.SMS, WRONG, T0)).challenge();
                assertThat(challenge.issuedCode()).isPresent();
            }
            Challenge locked = ((Transition) verify(challenge, ChallengeMethod.SMS, WRONG, T0)).challenge();
            assertThat(locked.storedStatus()).isEqualTo(ChallengeStatus.LOCKED);
            assertThat(locked.issuedCode()).isEmpty();
            assertThat(locked.attempts()).isEqualTo(new AttemptBudget(POLICY.maxAttempts(), POLICY.maxAttempts()));
        }

        @Test
        void the_right_code_after_a_wrong_one_leaves_the_attempts_the_wrong_one_left() {
            Challenge once = ((Transition) verify(withSmsCode(T0), ChallengeMethod.SMS, WRONG, T0)).challenge();
            Challenge verified = ((Transition) verify(once, ChallengeMethod.SMS, RIGHT, T0)).challenge();
            assertThat(verified.attemptsRemaining()).isEqualTo(4);
        }

        @Test
        void the_attempt_budget_is_shared_by_all_methods() {
            Challenge challenge = withSmsCode(T0);
            challenge = ((Transition) verify(challenge, ChallengeMethod.SMS, WRONG, T0)).challenge();
            challenge = ((Transition) verifyApp(challenge, new TotpCheck.Rejected(), T0)).challenge();
            assertThat(challenge.attemptsRemaining()).isEqualTo(3);
        }

        @Test
        void an_expired_code_spends_no_attempt() {
            Challenge challenge = withSmsCode(T0);
            assertThat(verify(challenge, ChallengeMethod.SMS, RIGHT, T0.plus(Duration.ofMinutes(5))))
                    .isEqualTo(new VerificationOutcome.CodeExpired());
        }

        @Test
        void a_method_without_an_issued_code_spends_no_attempt() {
            assertThat(verify(withSmsCode(T0), ChallengeMethod.EMAIL, RIGHT, T0))
                    .isEqualTo(new VerificationOutcome.NoCodeIssued(ChallengeMethod.EMAIL));
        }

        @Test
        void a_replayed_app_code_counts_as_a_failure() {
            Challenge challenge = pending();
            VerificationOutcome replay = verifyApp(challenge, new TotpCheck.Replayed(1), T0);
            assertThat(replay).isInstanceOfSatisfying(VerificationOutcome.Replayed.class,
                    r -> assertThat(r.attemptsRemaining()).isEqualTo(4));
            assertThat(replay.streakEffect()).isEqualTo(VerificationOutcome.StreakEffect.EXTENDS);
        }

        @Test
        void a_locked_authenticator_app_answers_its_lockout_and_spends_no_attempt() {
            Challenge challenge = pending();
            VerificationOutcome locked = verifyApp(challenge, new TotpCheck.Locked(Duration.ofMinutes(4)), T0);
            assertThat(locked).isEqualTo(new VerificationOutcome.FactorLocked(Duration.ofMinutes(4)));
            assertThat(locked).isNotInstanceOf(Transition.class);
            assertThat(locked.streakEffect()).isEqualTo(VerificationOutcome.StreakEffect.NONE);
        }

        @Test
        void an_app_code_of_another_time_is_a_wrong_code_and_spends_an_attempt() {
            VerificationOutcome wrong = verifyApp(pending(), new TotpCheck.Rejected(), T0);
            assertThat(wrong).isInstanceOfSatisfying(VerificationOutcome.Rejected.class,
                    r -> assertThat(r.attemptsRemaining()).isEqualTo(4));
            assertThat(wrong.streakEffect()).isEqualTo(VerificationOutcome.StreakEffect.EXTENDS);
        }

        @Test
        void a_text_that_cannot_be_a_code_of_the_app_spends_no_attempt() {
            VerificationOutcome malformed = verifyApp(pending(), new TotpCheck.Malformed(Set.of(6)), T0);
            assertThat(malformed).isEqualTo(new VerificationOutcome.MalformedCode(Set.of(6)));
            assertThat(malformed).isNotInstanceOf(Transition.class);
            assertThat(malformed.streakEffect()).isEqualTo(VerificationOutcome.StreakEffect.NONE);
        }

        @Test
        void a_challenge_no_longer_pending_refuses_before_any_code_is_compared() {
            Challenge expired = withSmsCode(T0);
            Instant later = T0.plus(Duration.ofMinutes(11));
            assertThat(expired.refuseVerification(ChallengeMethod.SMS, later))
                    .contains(new VerificationOutcome.NotPending(ChallengeStatus.EXPIRED));
        }

        @Test
        void settling_a_code_the_challenge_refused_is_a_programming_error() {
            Challenge expired = withSmsCode(T0);
            Instant later = T0.plus(Duration.ofMinutes(11));
            assertThatThrownBy(() -> expired.settle(ChallengeMethod.SMS, RIGHT, later))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> pending(ChallengeMethod.SMS).settle(new TotpCheck.Accepted(1), T0))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class ConsumingAndCancelling {
        @Test
        void a_verified_challenge_is_consumed_exactly_once() {
            Challenge verified = ((Transition) verify(withSmsCode(T0), ChallengeMethod.SMS, RIGHT, T0)).challenge();
            ConsumeOutcome first = verified.consume(T0.plusSeconds(1));
            assertThat(first).isInstanceOf(ConsumeOutcome.Consumed.class);
            Challenge consumed = ((Transition) first).challenge();
            assertThat(consumed.consume(T0.plusSeconds(2))).isEqualTo(new ConsumeOutcome.Gone(ChallengeStatus.CONSUMED));
        }

        @Test
        void consuming_keeps_how_the_challenge_was_verified_and_stamps_when_it_was_consumed() {
            Challenge verified = ((Transition) verify(withSmsCode(T0), ChallengeMethod.SMS, RIGHT, T0)).challenge();
            Challenge consumed = ((Transition) verified.consume(T0.plusSeconds(1))).challenge();
            assertThat(consumed.verified()).contains(new Verification(ChallengeMethod.SMS, T0, T0.plusSeconds(1)));
            assertThat(consumed.terms()).isEqualTo(verified.terms());
            assertThat(consumed.delivery().sends()).isEqualTo(1);
        }

        @Test
        void a_pending_challenge_cannot_be_consumed() {
            assertThat(pending().consume(T0)).isEqualTo(new ConsumeOutcome.NotVerified());
        }

        @Test
        void a_verified_challenge_left_past_its_end_is_expired_and_cannot_be_consumed() {
            Challenge verified = ((Transition) verify(withSmsCode(T0), ChallengeMethod.SMS, RIGHT, T0)).challenge();
            assertThat(verified.consume(T0.plus(Duration.ofMinutes(10)))).isEqualTo(new ConsumeOutcome.Gone(ChallengeStatus.EXPIRED));
        }

        @Test
        void cancelling_removes_the_context_and_later_requests_say_the_context_is_gone() {
            CancelOutcome outcome = withSmsCode(T0).cancel(T0);
            Challenge cancelled = ((Transition) outcome).challenge();
            assertThat(cancelled.stepUpContext()).isEmpty();
            assertThat(cancelled.issuedCode()).isEmpty();
            assertThat(verify(cancelled, ChallengeMethod.SMS, RIGHT, T0)).isEqualTo(new VerificationOutcome.ContextGone());
            assertThat(cancelled.refuseInitiation(ChallengeMethod.SMS, POLICY, T0)).contains(new InitiationOutcome.ContextGone());
            assertThat(cancelled.consume(T0)).isEqualTo(new ConsumeOutcome.ContextGone());
            assertThat(cancelled.cancel(T0)).isEqualTo(new CancelOutcome.Cancelled(cancelled));
        }

        @Test
        void a_verified_challenge_cannot_be_cancelled() {
            Challenge verified = ((Transition) verify(withSmsCode(T0), ChallengeMethod.SMS, RIGHT, T0)).challenge();
            assertThat(verified.cancel(T0)).isEqualTo(new CancelOutcome.Gone(ChallengeStatus.VERIFIED));
        }
    }
}
