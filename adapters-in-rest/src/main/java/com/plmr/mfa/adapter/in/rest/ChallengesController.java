package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.ChallengesApi;
import com.plmr.mfa.adapter.in.rest.model.Challenge;
import com.plmr.mfa.adapter.in.rest.model.CreateChallengeRequest;
import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.adapter.in.rest.model.StepUpContext;
import com.plmr.mfa.application.port.in.CancelChallengeUseCase;
import com.plmr.mfa.application.port.in.ConsumeChallengeUseCase;
import com.plmr.mfa.application.port.in.CreateChallengeUseCase;
import com.plmr.mfa.application.port.in.GetChallengeUseCase;
import com.plmr.mfa.domain.challenge.CancelOutcome;
import com.plmr.mfa.domain.challenge.ConsumeOutcome;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.EnumSet;
import java.util.Optional;

@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ChallengesController implements ChallengesApi {

    private final CreateChallengeUseCase create;
    private final GetChallengeUseCase get;
    private final ConsumeChallengeUseCase consume;
    private final CancelChallengeUseCase cancel;
    private final Actors actors;

    ChallengesController(CreateChallengeUseCase create, GetChallengeUseCase get, ConsumeChallengeUseCase consume,
                         CancelChallengeUseCase cancel, Actors actors) {
        this.create = create;
        this.get = get;
        this.consume = consume;
        this.cancel = cancel;
        this.actors = actors;
    }

    @Override
    public HttpResponse<Challenge> createChallenge(CreateChallengeRequest request) {
        CreateChallengeUseCase.Command command = CreateChallengeCommands.from(request);
        return Replies.reply(create.create(actors.current(), command), Replies.Subject.CHALLENGE, challenge ->
                HttpResponse.status(HttpStatus.CREATED).body(ChallengeModels.toModel(challenge,
                        challenge.storedStatus(), Optional.empty())));
    }

    @Override
    public HttpResponse<Challenge> getChallenge(String challengeId) {
        return Replies.reply(get.get(actors.current(), ChallengeModels.id(challengeId)), Replies.Subject.CHALLENGE,
                view -> HttpResponse.ok(ChallengeModels.toModel(view.challenge(), view.status(), view.delivery())));
    }

    @Override
    public HttpResponse<Challenge> consumeChallenge(String challengeId) {
        return Replies.reply(consume.consume(actors.current(), ChallengeModels.id(challengeId)),
                Replies.Subject.CHALLENGE, consumption -> consumption.outcome().fold(
                        new ConsumeOutcome.Cases<HttpResponse<Challenge>>() {
                    @Override
                    public HttpResponse<Challenge> consumed(ConsumeOutcome.Consumed consumed) {
                        return HttpResponse.ok(ChallengeModels.toModel(consumed.challenge(),
                                consumed.challenge().storedStatus(), Optional.empty())
                                .assertion(consumption.assertion().orElseThrow()));
                    }

                    @Override
                    public HttpResponse<Challenge> notVerified(ConsumeOutcome.NotVerified notVerified) {
                        return Replies.error(HttpStatus.CONFLICT, ErrorCode.BAD_REQUEST,
                                "The challenge is not verified yet", body -> body.challengeStatus(
                                        com.plmr.mfa.adapter.in.rest.model.ChallengeStatus.PENDING)
                                        .reason(Reason.CHALLENGE_NOT_VERIFIED.name()));
                    }

                    @Override
                    public HttpResponse<Challenge> contextGone(ConsumeOutcome.ContextGone gone) {
                        return Replies.contextGone();
                    }

                    @Override
                    public HttpResponse<Challenge> gone(ConsumeOutcome.Gone gone) {
                        return Replies.gone(gone.status());
                    }
                }));
    }

    @Override
    public HttpResponse<Challenge> cancelChallenge(String challengeId) {
        return Replies.reply(cancel.cancel(actors.current(), ChallengeModels.id(challengeId)),
                Replies.Subject.CHALLENGE, outcome -> outcome.fold(new CancelOutcome.Cases<HttpResponse<Challenge>>() {
                    @Override
                    public HttpResponse<Challenge> cancelled(CancelOutcome.Cancelled cancelled) {
                        return HttpResponse.ok(ChallengeModels.toModel(cancelled.challenge(),
                                cancelled.challenge().storedStatus(), Optional.empty()));
                    }

                    @Override
                    public HttpResponse<Challenge> gone(CancelOutcome.Gone gone) {
                        return Replies.gone(gone.status());
                    }
                }));
    }

    /** Request body to command; meaning is checked here, shape by the generated model's annotations. */
    static final class CreateChallengeCommands {
        private CreateChallengeCommands() {
        }

        static CreateChallengeUseCase.Command from(CreateChallengeRequest request) {
            StepUpContext ctx = request.getContext();
            FieldErrors errors = new FieldErrors().text("userId", request.getUserId());
            if (ctx == null) {
                errors.add("context", com.plmr.mfa.adapter.in.rest.model.FieldErrorCode.NOT_NULL, "must not be null");
            } else {
                errors.text("context.operation", ctx.getOperation()).text("context.reference", ctx.getReference());
                errors.valid("context.summary", ctx.getSummary(), s -> s.chars().noneMatch(Character::isISOControl),
                        "must not contain control characters");
                if (ctx.getTransaction() != null) {
                    TransactionFields.check(errors, ctx.getTransaction());
                }
            }
            errors.valid("locale", request.getLocale(), Locales::isSupportedTag, "must be a language tag such as en or de");
            errors.throwIfAny();
            var methods = EnumSet.noneOf(com.plmr.mfa.domain.challenge.ChallengeMethod.class);
            if (request.getAllowedMethods() != null) {
                request.getAllowedMethods().forEach(m -> methods.add(ChallengeModels.toDomain(m)));
            }
            return new CreateChallengeUseCase.Command(new com.plmr.mfa.domain.user.UserId(request.getUserId()),
                    new com.plmr.mfa.domain.challenge.StepUpContext(ctx.getOperation(), ctx.getReference(),
                            ctx.getDigest(), ctx.getSummary(),
                            ctx.getTransaction() == null ? null : TransactionFields.toDomain(ctx.getTransaction())),
                    methods, Locales.parse(request.getLocale()), request.getNonce());
        }
    }
}
