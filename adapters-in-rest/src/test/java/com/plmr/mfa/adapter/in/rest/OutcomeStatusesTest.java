package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.adapter.in.rest.model.ErrorResponse;
import com.plmr.mfa.adapter.in.rest.model.VerifyOtpRequest;
import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.InitiateCodeDeliveryUseCase;
import com.plmr.mfa.application.port.in.VerifyChallengeCodeUseCase;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.ChallengeStatus;
import com.plmr.mfa.domain.challenge.DestinationRefusal;
import com.plmr.mfa.domain.challenge.InitiationOutcome;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.Transition;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each outcome of initiate and verify, and each access refusal, is answered with the status and
 * code ADR 0004 gives it, in the adapter that maps them, without a server: no refusal can turn
 * into a 200, and a new outcome without a row here fails the coverage tests.
 */
class OutcomeStatusesTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final ChallengePolicy POLICY = ChallengePolicy.defaults();
    static final String ID = "ch_" + "a".repeat(22);

    static Challenge pending() {
        return Challenge.open(new ChallengeId(ID), new UserId("u-1"), new StepUpContext("payment", "pay-1", null, null),
                Set.of(), Locale.ENGLISH, POLICY, T0);
    }

    static Challenge withSmsCode() {
        return pending().issue(com.plmr.mfa.domain.challenge.ChallengeMethod.SMS, new byte[] {1}, POLICY, T0).challenge();
    }

    static Stream<Arguments> verifyOutcomes() {
        Challenge withCode = withSmsCode();
        return Stream.of(
                arguments(withCode.settle(com.plmr.mfa.domain.challenge.ChallengeMethod.SMS, true, T0), 200, null, false),
                arguments(withCode.settle(com.plmr.mfa.domain.challenge.ChallengeMethod.SMS, false, T0), 400,
                        ErrorCode.INVALID_OTP, false),
                arguments(new VerificationOutcome.Replayed(withCode, 2), 400, ErrorCode.INVALID_OTP, false),
                arguments(new VerificationOutcome.NotPending(ChallengeStatus.EXPIRED), 410,
                        ErrorCode.CHALLENGE_NOT_FOUND, false),
                arguments(new VerificationOutcome.ContextGone(), 404, ErrorCode.STEP_UP_REQUEST_CONTEXT_NOT_FOUND, false),
                arguments(new VerificationOutcome.MethodNotAllowed(com.plmr.mfa.domain.challenge.ChallengeMethod.EMAIL),
                        400, ErrorCode.BAD_REQUEST, false),
                arguments(new VerificationOutcome.NoCodeIssued(com.plmr.mfa.domain.challenge.ChallengeMethod.SMS), 400,
                        ErrorCode.INVALID_OTP, false),
                arguments(new VerificationOutcome.CodeExpired(), 410, ErrorCode.INVALID_OTP, false),
                arguments(new VerificationOutcome.NoFactor(), 404, ErrorCode.USER_NOT_FOUND, false),
                arguments(new VerificationOutcome.RateLimited(Duration.ofSeconds(90)), 429, ErrorCode.TOO_MANY_REQUESTS,
                        true),
                arguments(new VerificationOutcome.FactorLocked(Duration.ofSeconds(90)), 429,
                        ErrorCode.TOO_MANY_REQUESTS, true),
                arguments(new VerificationOutcome.MalformedCode(Set.of(6)), 400, ErrorCode.BAD_REQUEST, false));
    }

    static Stream<Arguments> initiationOutcomes() {
        return Stream.of(
                arguments(pending().issue(com.plmr.mfa.domain.challenge.ChallengeMethod.SMS, new byte[] {1}, POLICY, T0),
                        200, null, false),
                arguments(new InitiationOutcome.NotPending(ChallengeStatus.LOCKED), 410, ErrorCode.CHALLENGE_NOT_FOUND,
                        false),
                arguments(new InitiationOutcome.ContextGone(), 404, ErrorCode.STEP_UP_REQUEST_CONTEXT_NOT_FOUND, false),
                arguments(new InitiationOutcome.MethodNotAllowed(com.plmr.mfa.domain.challenge.ChallengeMethod.SMS), 400,
                        ErrorCode.BAD_REQUEST, false),
                arguments(new InitiationOutcome.CoolingDown(Duration.ofSeconds(20)), 429, ErrorCode.TOO_MANY_REQUESTS,
                        true),
                arguments(new InitiationOutcome.SendCapReached(), 429, ErrorCode.TOO_MANY_REQUESTS, false),
                arguments(new InitiationOutcome.NoDestination(com.plmr.mfa.domain.challenge.ChallengeMethod.SMS), 404,
                        ErrorCode.USER_NOT_FOUND, false),
                arguments(new InitiationOutcome.RateLimited(Duration.ofMinutes(5)), 429, ErrorCode.TOO_MANY_REQUESTS,
                        true),
                arguments(new InitiationOutcome.DestinationRefused(com.plmr.mfa.domain.challenge.ChallengeMethod.SMS,
                        new DestinationRefusal(DestinationRefusal.Rule.LINE_TYPE, "premium_rate")), 400,
                        ErrorCode.BAD_REQUEST, false));
    }

    static Stream<Arguments> accessRefusals() {
        return Stream.of(
                arguments(new Access.NotFound<>(), 404, ErrorCode.CHALLENGE_NOT_FOUND),
                arguments(new Access.SubjectMismatch<>(), 403,
                        ErrorCode.USER_ID_DOES_NOT_MATCH_WITH_CHALLENGE_SUBJECT_USER_ID),
                arguments(new Access.Forbidden<>(), 403, ErrorCode.FORBIDDEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifyOutcomes")
    void each_verify_outcome_has_its_documented_status(VerificationOutcome outcome, int status, ErrorCode code,
                                                        boolean retryAfter) {
        HttpResponse<?> response = verify(Access.granted(outcome));

        assertAnswer(response, status, code, retryAfter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initiationOutcomes")
    void each_initiation_outcome_has_its_documented_status(InitiationOutcome outcome, int status, ErrorCode code,
                                                           boolean retryAfter) {
        HttpResponse<?> response = initiate(Access.granted(new InitiateCodeDeliveryUseCase.Initiation(outcome,
                "+49 *** *** 12")));

        assertAnswer(response, status, code, retryAfter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessRefusals")
    void each_access_refusal_has_its_documented_status_on_both_operations(Access<?> refusal, int status,
                                                                         ErrorCode code) {
        assertAnswer(verify(cast(refusal)), status, code, false);
        assertAnswer(initiate(cast(refusal)), status, code, false);
    }

    @Test
    void the_last_wrong_code_says_the_challenge_is_now_locked() {
        Challenge challenge = withSmsCode();
        VerificationOutcome last = null;
        for (int attempt = 0; attempt < POLICY.maxAttempts(); attempt++) {
            last = challenge.settle(com.plmr.mfa.domain.challenge.ChallengeMethod.SMS, false, T0);
            challenge = ((Transition) last).challenge();
        }

        ErrorResponse body = (ErrorResponse) verify(Access.granted(last)).body();

        assertThat(body.getAttemptsRemaining()).isZero();
        assertThat(body.getChallengeStatus()).isEqualTo(com.plmr.mfa.adapter.in.rest.model.ChallengeStatus.LOCKED);
    }

    @Test
    void every_outcome_and_refusal_has_a_row() {
        assertThat(classes(verifyOutcomes()))
                .containsExactlyInAnyOrder(VerificationOutcome.class.getPermittedSubclasses());
        assertThat(classes(initiationOutcomes()))
                .containsExactlyInAnyOrder(InitiationOutcome.class.getPermittedSubclasses());
        assertThat(classes(Stream.concat(accessRefusals(), Stream.of(arguments(Access.granted("granted"))))))
                .containsExactlyInAnyOrder(Access.class.getPermittedSubclasses());
    }

    private static List<Class<?>> classes(Stream<Arguments> rows) {
        return rows.<Class<?>>map(row -> row.get()[0].getClass()).toList();
    }

    private static void assertAnswer(HttpResponse<?> response, int status, ErrorCode code, boolean retryAfter) {
        assertThat(response.code()).isEqualTo(status);
        if (code == null) {
            assertThat(response.body()).isNotInstanceOf(ErrorResponse.class);
        } else {
            assertThat(response.body()).isInstanceOfSatisfying(ErrorResponse.class,
                    body -> assertThat(body.getCode()).isEqualTo(code));
        }
        assertThat(response.getHeaders().contains(HttpHeaders.RETRY_AFTER)).as("Retry-After").isEqualTo(retryAfter);
    }

    @SuppressWarnings("unchecked")
    private static <T> Access<T> cast(Access<?> refusal) {
        return (Access<T>) refusal;
    }

    private static HttpResponse<?> verify(Access<VerificationOutcome> answer) {
        CodeFlows flows = new CodeFlows((actor, command) -> {
            throw new AssertionError("not initiated here");
        }, (actor, command) -> answer, new Actors(new SignedIn()));
        return within("/internal/v1/mfa/totp-sms/" + ID + ":verify", () -> flows.verify(ID,
                com.plmr.mfa.domain.challenge.ChallengeMethod.SMS, new VerifyOtpRequest().totp("123456")));
    }

    private static HttpResponse<?> initiate(Access<InitiateCodeDeliveryUseCase.Initiation> answer) {
        CodeFlows flows = new CodeFlows((actor, command) -> answer, (actor, command) -> {
            throw new AssertionError("not verified here");
        }, new Actors(new SignedIn()));
        return within("/internal/v1/mfa/totp-sms/" + ID + ":initiate", () -> flows.initiate(ID,
                com.plmr.mfa.domain.challenge.ChallengeMethod.SMS, null));
    }

    private static HttpResponse<?> within(String path, Supplier<HttpResponse<?>> call) {
        return ServerRequestContext.with(HttpRequest.POST(path, "{}"), call);
    }

    /** The challenge's user, signed in. */
    private static final class SignedIn implements SecurityService {
        @Override
        public Optional<String> username() {
            return Optional.of("u-1");
        }

        @Override
        public Optional<Authentication> getAuthentication() {
            return Optional.of(Authentication.build("u-1"));
        }

        @Override
        public boolean isAuthenticated() {
            return true;
        }

        @Override
        public boolean hasRole(String role) {
            return false;
        }
    }
}
