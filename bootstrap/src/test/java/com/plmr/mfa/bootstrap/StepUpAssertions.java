package com.plmr.mfa.bootstrap;

import com.plmr.mfa.domain.assertion.Assurance;
import com.plmr.mfa.domain.assertion.StepUpAssertion;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.OperationDigest;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/** Step-up assertions for the signer's tests. */
final class StepUpAssertions {

    private StepUpAssertions() {
    }

    static StepUpAssertion sample() {
        StepUpContext context = new StepUpContext("payment", "pay-8c1f2", null, "payment of EUR 40 to ACME");
        Instant issued = Instant.parse("2026-11-23T10:00:00Z");
        return new StepUpAssertion("https://mfa.test.invalid", new UserId("u-42"), "payments",
                new ChallengeId("ch_Lluck3sCWqyR5t0G_rCipQ"), issued, issued.plusSeconds(120), issued.minusSeconds(3),
                Assurance.PSTN, OperationDigest.members(context), OperationDigest.of(context), Optional.of("n-1"));
    }
}
