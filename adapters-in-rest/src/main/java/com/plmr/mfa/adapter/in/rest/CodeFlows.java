package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.Challenge;
import com.plmr.mfa.adapter.in.rest.model.ChallengeStatus;
import com.plmr.mfa.adapter.in.rest.model.CodeSent;
import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.adapter.in.rest.model.VerifyOtpRequest;
import com.plmr.mfa.application.port.in.InitiateCodeDeliveryUseCase;
import com.plmr.mfa.application.port.in.VerifyChallengeCodeUseCase;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.DestinationRefusal;
import com.plmr.mfa.domain.challenge.InitiationOutcome;
import com.plmr.mfa.domain.challenge.VerificationOutcome;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The initiate and verify operations shared by the SMS, e-mail, app and recovery-code controllers:
 * one mapping of every outcome to its documented response, whichever method the code came by.
 */
@Singleton
class CodeFlows {

    /** The answer to every wrong authenticator-app code, here and on the registration's verify. */
    static final String WRONG_APP_CODE = "The code is wrong; if this repeats, check that the clock of the device is set"
            + " automatically";
    /** The answer while wrong codes keep the user's authenticator app locked, here and on its verify. */
    static final String FACTOR_LOCKED = "Too many wrong codes for this authenticator app; try again later";

    private final InitiateCodeDeliveryUseCase initiate;
    private final VerifyChallengeCodeUseCase verify;
    private final Actors actors;

    CodeFlows(InitiateCodeDeliveryUseCase initiate, VerifyChallengeCodeUseCase verify, Actors actors) {
        this.initiate = initiate;
        this.verify = verify;
        this.actors = actors;
    }

    HttpResponse<CodeSent> initiate(String challengeId, ChallengeMethod method, String acceptLanguage) {
        var command = new InitiateCodeDeliveryUseCase.Command(ChallengeModels.id(challengeId), method,
                Locales.fromAcceptLanguage(acceptLanguage));
        return Replies.reply(initiate.initiate(actors.current(), command), Replies.Subject.CHALLENGE,
                initiation -> initiation.outcome().fold(new InitiationReplies(challengeId, initiation.maskedDestination())));
    }

    HttpResponse<Challenge> verify(String challengeId, ChallengeMethod method, VerifyOtpRequest request) {
        return verify(challengeId, method, "totp", request.getTotp(), "must be 6 to 9 digits");
    }

    /**
     * Verifies {@code code}, the request's {@code field}; a text that cannot be a code of the method
     * is refused at the edge with {@code rule}, spending no attempt.
     */
    HttpResponse<Challenge> verify(String challengeId, ChallengeMethod method, String field, String code,
                                   String rule) {
        new FieldErrors().text(field, code)
                .valid(field, code, text -> VerifyChallengeCodeUseCase.Command.isWellFormed(method, text), rule)
                .throwIfAny();
        var command = new VerifyChallengeCodeUseCase.Command(ChallengeModels.id(challengeId), method, code);
        return Replies.reply(verify.verify(actors.current(), command), Replies.Subject.CHALLENGE,
                outcome -> outcome.fold(new VerificationReplies(method, field)));
    }

    private record InitiationReplies(String challengeId, String masked)
            implements InitiationOutcome.Cases<HttpResponse<CodeSent>> {
        @Override
        public HttpResponse<CodeSent> issued(InitiationOutcome.Issued issued) {
            return HttpResponse.ok(new CodeSent().challengeId(challengeId)
                    .method(ChallengeModels.toModel(issued.challenge().issuedCode().orElseThrow().method()))
                    .maskedDestination(masked).codeExpiresAt(issued.codeExpiresAt())
                    .resendAvailableAt(issued.resendAvailableAt()).sendsRemaining(issued.sendsRemaining())
                    .replacedPreviousCode(issued.replacedPreviousCode()));
        }

        @Override
        public HttpResponse<CodeSent> notPending(InitiationOutcome.NotPending outcome) {
            return Replies.gone(outcome.status());
        }

        @Override
        public HttpResponse<CodeSent> contextGone(InitiationOutcome.ContextGone outcome) {
            return Replies.contextGone();
        }

        @Override
        public HttpResponse<CodeSent> methodNotAllowed(InitiationOutcome.MethodNotAllowed outcome) {
            return Replies.error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    "The challenge does not allow this method", Reason.CHALLENGE_METHOD_NOT_ALLOWED);
        }

        @Override
        public HttpResponse<CodeSent> coolingDown(InitiationOutcome.CoolingDown outcome) {
            return Replies.tooMany(outcome.retryAfter(), "A code was sent moments ago; wait before asking again",
                    Reason.RESEND_COOLDOWN);
        }

        @Override
        public HttpResponse<CodeSent> sendCapReached(InitiationOutcome.SendCapReached outcome) {
            // no Retry-After: waiting never brings another send to this challenge
            return Replies.error(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS,
                    "The challenge has used all its sends; verify the last code or create a new challenge",
                    Reason.SEND_CAP_REACHED);
        }

        @Override
        public HttpResponse<CodeSent> noDestination(InitiationOutcome.NoDestination outcome) {
            return Replies.error(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, outcome.method() == ChallengeMethod.SMS
                    ? "The user has no phone number on record" : "The user has no e-mail address on record");
        }

        @Override
        public HttpResponse<CodeSent> rateLimited(InitiationOutcome.RateLimited outcome) {
            return Replies.tooMany(outcome.retryAfter(),
                    "Too many codes were sent to this destination or user; try again later", Reason.SEND_RATE_LIMITED);
        }

        @Override
        public HttpResponse<CodeSent> destinationRefused(InitiationOutcome.DestinationRefused outcome) {
            DestinationRefusal refusal = outcome.refusal();
            return switch (refusal.rule()) {
                case LINE_TYPE -> Replies.error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                        "Codes are not sent by SMS to this kind of phone number (" + refusal.detail() + ")",
                        Reason.PHONE_TYPE_REFUSED);
                case COUNTRY -> Replies.error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                        "Codes are not sent by SMS to phone numbers of this country (" + refusal.detail() + ")",
                        Reason.PHONE_COUNTRY_REFUSED);
            };
        }
    }

    /**
     * Every outcome of a verify, mapped once. A wrong app code and an app code of a time step
     * outside the window are one outcome with one message: the hint about the device clock is in
     * every wrong-app-code answer, so it tells nothing about the code.
     */
    private record VerificationReplies(ChallengeMethod method, String field)
            implements VerificationOutcome.Cases<HttpResponse<Challenge>> {
        @Override
        public HttpResponse<Challenge> verified(VerificationOutcome.Verified outcome) {
            return HttpResponse.ok(ChallengeModels.toModel(outcome.challenge(), outcome.challenge().storedStatus(),
                    Optional.empty()));
        }

        @Override
        public HttpResponse<Challenge> rejected(VerificationOutcome.Rejected outcome) {
            return invalid(method == ChallengeMethod.APP ? WRONG_APP_CODE : "The code is wrong",
                    outcome.attemptsRemaining());
        }

        @Override
        public HttpResponse<Challenge> replayed(VerificationOutcome.Replayed outcome) {
            return invalid("The code was already used; wait for the next code of the app", outcome.attemptsRemaining());
        }

        @Override
        public HttpResponse<Challenge> notPending(VerificationOutcome.NotPending outcome) {
            return Replies.gone(outcome.status());
        }

        @Override
        public HttpResponse<Challenge> contextGone(VerificationOutcome.ContextGone outcome) {
            return Replies.contextGone();
        }

        @Override
        public HttpResponse<Challenge> methodNotAllowed(VerificationOutcome.MethodNotAllowed outcome) {
            return Replies.error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, "The challenge does not allow this method",
                    Reason.CHALLENGE_METHOD_NOT_ALLOWED);
        }

        @Override
        public HttpResponse<Challenge> noCodeIssued(VerificationOutcome.NoCodeIssued outcome) {
            return Replies.error(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_OTP,
                    "No code of this method is active for the challenge; initiate first", Reason.CODE_NOT_ISSUED);
        }

        @Override
        public HttpResponse<Challenge> codeExpired(VerificationOutcome.CodeExpired outcome) {
            return Replies.error(HttpStatus.GONE, ErrorCode.INVALID_OTP, "The code has expired; initiate a new one",
                    body -> body.challengeStatus(ChallengeStatus.PENDING).reason(Reason.CODE_EXPIRED.name()));
        }

        @Override
        public HttpResponse<Challenge> noFactor(VerificationOutcome.NoFactor outcome) {
            return Replies.error(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, method == ChallengeMethod.RECOVERY
                    ? "The user has no unused recovery code" : "The user has no active authenticator app");
        }

        @Override
        public HttpResponse<Challenge> rateLimited(VerificationOutcome.RateLimited outcome) {
            return Replies.tooMany(outcome.retryAfter(),
                    "Too many wrong codes in a row for this user; verifies are paused", Reason.VERIFY_RATE_LIMITED);
        }

        @Override
        public HttpResponse<Challenge> factorLocked(VerificationOutcome.FactorLocked outcome) {
            return Replies.tooMany(outcome.retryAfter(), FACTOR_LOCKED, Reason.APP_LOCKED);
        }

        @Override
        public HttpResponse<Challenge> malformedCode(VerificationOutcome.MalformedCode outcome) {
            return Replies.invalidField(field, Replies.digitsRule(outcome.digits()));
        }

        private static HttpResponse<Challenge> invalid(String message, int attemptsRemaining) {
            return Replies.error(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_OTP, message, body -> {
                body.attemptsRemaining(attemptsRemaining).reason(Reason.CODE_WRONG.name());
                return attemptsRemaining == 0 ? body.challengeStatus(ChallengeStatus.LOCKED) : body;
            });
        }
    }
}
