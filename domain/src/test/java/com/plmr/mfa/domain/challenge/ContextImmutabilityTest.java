package com.plmr.mfa.domain.challenge;

import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** No transition changes what a challenge approves: every state keeps the context it was opened with, until a cancel removes it. */
class ContextImmutabilityTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ChallengePolicy POLICY = ChallengePolicy.defaults();
    private static final StepUpContext PAYMENT = new StepUpContext("payment", "pay-1", null, "invoice 42",
            new TransactionDetails("payment_initiation", Amount.of("40.00", "EUR"), new Payee("ACME GmbH", "****3000"),
                    "INV-1"));

    @Test
    void every_transition_keeps_the_context_the_challenge_was_opened_with() {
        Challenge opened = Challenge.open(new ChallengeId("ch_1"), new UserId("u-1"), PAYMENT,
                Set.of(ChallengeMethod.SMS), Locale.GERMAN, POLICY, NOW);
        List<Challenge> states = new ArrayList<>();
        Challenge issued = opened.issue(ChallengeMethod.SMS, new byte[32], POLICY, NOW).challenge();
        states.add(issued);
        Challenge wrong = ((Transition) issued.settle(ChallengeMethod.SMS, false, NOW.plusSeconds(1))).challenge();
        states.add(wrong);
        Challenge resent = wrong.issue(ChallengeMethod.SMS, new byte[32], POLICY, NOW.plusSeconds(31)).challenge();
        states.add(resent);
        Challenge verified = ((Transition) resent.settle(ChallengeMethod.SMS, true, NOW.plusSeconds(32))).challenge();
        states.add(verified);
        states.add(((Transition) verified.consume(NOW.plusSeconds(33))).challenge());

        assertThat(states).extracting(Challenge::context).containsOnly(PAYMENT);
    }

    @Test
    void locking_keeps_the_context_and_only_a_cancel_removes_it() {
        Challenge challenge = Challenge.open(new ChallengeId("ch_2"), new UserId("u-1"), PAYMENT,
                Set.of(ChallengeMethod.SMS), Locale.GERMAN, POLICY, NOW)
                .issue(ChallengeMethod.SMS, new byte[32], POLICY, NOW).challenge();
        Challenge locked = challenge;
        while (locked.statusAt(NOW) == ChallengeStatus.PENDING) {
            locked = ((Transition) locked.settle(ChallengeMethod.SMS, false, NOW)).challenge();
        }

        assertThat(locked.statusAt(NOW)).isEqualTo(ChallengeStatus.LOCKED);
        assertThat(locked.context()).isEqualTo(PAYMENT);
        assertThat(((Transition) challenge.cancel(NOW)).challenge().context()).isNull();
    }
}
