package com.plmr.mfa.domain.assertion;

import com.plmr.mfa.domain.ParameterException;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import com.plmr.mfa.domain.challenge.OperationDigest;
import com.plmr.mfa.domain.challenge.Requester;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import com.plmr.mfa.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepUpAssertionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final StepUpContext PAYMENT = new StepUpContext("payment", "pay-1", null, "EUR 40 to ACME");
    private static final AssertionPolicy POLICY = new AssertionPolicy("https://mfa.example.com", Duration.ofMinutes(2));

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
        "APP,   urn:plmr:mfa-totp:acr:otp-device, otp",
        "SMS,   urn:plmr:mfa-totp:acr:pstn,       otp sms",
        "EMAIL, urn:plmr:mfa-totp:acr:email,      otp email"})
    void says_how_the_user_stepped_up_with_the_acr_and_amr_of_the_verified_method(ChallengeMethod method, String acr,
                                                                                 String amr) {
        StepUpAssertion assertion = StepUpAssertion.of(consumed(method), new Requester("payments", null), "other",
                POLICY);

        assertThat(assertion.acr()).isEqualTo(acr);
        assertThat(assertion.amr()).containsExactly(amr.split(" "));
    }

    @Test
    void is_issued_at_the_consume_for_the_requester_about_the_operation_and_expires_a_lifetime_later() {
        StepUpAssertion assertion = StepUpAssertion.of(consumed(ChallengeMethod.SMS), new Requester("payments", "n-1"),
                "settlement", POLICY);

        assertThat(assertion.audience()).isEqualTo("payments");
        assertThat(assertion.jwtId()).isEqualTo("ch_1");
        assertThat(assertion.authTime()).isEqualTo(NOW.plusSeconds(10));
        assertThat(assertion.issuedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(assertion.expiresAt()).isEqualTo(NOW.plusSeconds(150));
        assertThat(assertion.operationDigest()).isEqualTo(OperationDigest.of(PAYMENT));
        assertThat(assertion.nonce()).hasValue("n-1");
    }

    @Test
    void only_a_consumed_challenge_has_an_assertion() {
        Challenge pending = Challenge.open(new ChallengeId("ch_1"), new UserId("u-1"), PAYMENT, Set.of(), null,
                ChallengePolicy.defaults(), NOW);

        assertThatThrownBy(() -> StepUpAssertion.of(pending, new Requester("payments", null), "payments", POLICY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mfa.example.com", "ftp://mfa.example.com", "https://mfa.example.com/?x=1",
        "https://mfa.example.com/#k", "https://user@mfa.example.com", ""})
    void the_issuer_is_an_http_url_of_the_service(String issuer) {
        assertThatThrownBy(() -> new AssertionPolicy(issuer, Duration.ofMinutes(2)))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("issuer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT9S", "PT5M1S", "PT30.5S"})
    void the_lifetime_is_10_seconds_to_5_minutes_in_whole_seconds(String lifetime) {
        assertThatThrownBy(() -> new AssertionPolicy("https://mfa.example.com", Duration.parse(lifetime)))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("lifetime"));
        assertThat(new AssertionPolicy("http://localhost:8080", Duration.ofMinutes(5)).lifetime())
                .isEqualTo(AssertionPolicy.MAX_LIFETIME);
    }

    @Test
    void a_nonce_is_1_to_128_of_the_url_safe_and_base64_characters() {
        assertThat(new Requester("payments", "aZ09._~+/=-".repeat(12).substring(0, 128)).nonce()).hasSize(128);
        assertThatThrownBy(() -> new Requester("payments", "x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Requester("payments", "a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Requester("payments", "")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Verified by {@code method} 10 s after opening, consumed 20 s later. */
    private static Challenge consumed(ChallengeMethod method) {
        ChallengePolicy policy = ChallengePolicy.defaults();
        Challenge open = Challenge.open(new ChallengeId("ch_1"), new UserId("u-1"), PAYMENT, Set.of(), null, policy, NOW);
        Instant verifiedAt = NOW.plusSeconds(10);
        VerificationOutcome verified = method.isDelivered()
                ? open.issue(method, new byte[32], policy, NOW).challenge().settle(method, true, verifiedAt)
                : open.settle(new com.plmr.mfa.domain.authenticator.TotpCheck.Accepted(1), verifiedAt);
        return ((ConsumeOutcome.Consumed) ((VerificationOutcome.Verified) verified).challenge()
                .consume(NOW.plusSeconds(30))).challenge();
    }
}
