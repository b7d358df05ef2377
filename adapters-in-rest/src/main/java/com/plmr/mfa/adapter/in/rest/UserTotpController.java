package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.UserTotpApi;
import com.plmr.mfa.adapter.in.rest.model.Details;
import com.plmr.mfa.adapter.in.rest.model.DetailsResponse;
import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.adapter.in.rest.model.ListTotpRegistrationsResponse;
import com.plmr.mfa.adapter.in.rest.model.StartTotpRegistrationRequest;
import com.plmr.mfa.adapter.in.rest.model.StartTotpRegistrationResponse;
import com.plmr.mfa.adapter.in.rest.model.VerifyTotpRegistrationRequest;
import com.plmr.mfa.adapter.in.rest.model.VerifyTotpRegistrationResponse;
import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ListTotpRegistrationsUseCase;
import com.plmr.mfa.application.port.in.RemoveTotpRegistrationUseCase;
import com.plmr.mfa.application.port.in.StartTotpRegistrationUseCase;
import com.plmr.mfa.application.port.in.VerifyTotpRegistrationUseCase;
import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.function.Function;

@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class UserTotpController implements UserTotpApi {

    private final StartTotpRegistrationUseCase start;
    private final VerifyTotpRegistrationUseCase verify;
    private final RemoveTotpRegistrationUseCase remove;
    private final ListTotpRegistrationsUseCase list;
    private final ResourceDetails details;
    private final Actors actors;

    UserTotpController(StartTotpRegistrationUseCase start, VerifyTotpRegistrationUseCase verify,
                       RemoveTotpRegistrationUseCase remove, ListTotpRegistrationsUseCase list,
                       ResourceDetails details, Actors actors) {
        this.start = start;
        this.verify = verify;
        this.remove = remove;
        this.list = list;
        this.details = details;
        this.actors = actors;
    }

    @Override
    public HttpResponse<StartTotpRegistrationResponse> startTotpRegistration(String id,
                                                                             @Nullable StartTotpRegistrationRequest request) {
        var command = TotpModels.command(new UserId(id), request);
        return reply(start.start(actors.current(), command), started -> {
            OtpauthUri keyUri = OtpauthUri.of(started.registration(), started.secret());
            String uri = keyUri.toUri();
            return new StartTotpRegistrationResponse().details(detailsOf(started.registration()))
                    .totpId(started.registration().id().value()).uri(uri)
                    .secret(keyUri.secretText()).qrCode(QrCodes.pngDataUri(uri));
        });
    }

    @Override
    public HttpResponse<VerifyTotpRegistrationResponse> verifyTotpRegistration(String id, String totpId,
                                                                               VerifyTotpRegistrationRequest request) {
        new FieldErrors().text("code", request.getCode())
                .valid("code", request.getCode(), VerifyTotpRegistrationUseCase.Command::isWellFormed,
                        "must be 6 to 9 digits")
                .throwIfAny();
        var command = new VerifyTotpRegistrationUseCase.Command(new UserId(id), new TotpRegistrationId(totpId),
                request.getCode());
        return Replies.reply(verify.verify(actors.current(), command), Replies.Subject.USER_FACTOR,
                result -> result.check().fold(new VerifyReplies(result.registration())));
    }

    @Override
    public HttpResponse<DetailsResponse> removeTotpRegistration(String id, String totpId) {
        return reply(remove.remove(actors.current(), new UserId(id), new TotpRegistrationId(totpId)),
                removed -> new DetailsResponse().details(detailsOf(removed)));
    }

    @Override
    public HttpResponse<ListTotpRegistrationsResponse> listTotpRegistrations(String id) {
        return reply(list.list(actors.current(), new UserId(id)), registrations ->
                new ListTotpRegistrationsResponse().result(registrations.stream()
                        .map(registration -> TotpModels.toModel(registration, detailsOf(registration))).toList()));
    }

    private static <T, R> HttpResponse<R> reply(Access<T> access, Function<T, R> body) {
        return Replies.reply(access, Replies.Subject.USER_FACTOR, value -> HttpResponse.ok(body.apply(value)));
    }

    private Details detailsOf(TotpRegistration registration) {
        return details.of(registration.id().value(), registration.created(), registration.changed());
    }

    /** Every outcome of a code for a registration, mapped once; only an accepted code answers 200. */
    private final class VerifyReplies implements TotpCheck.Cases<HttpResponse<VerifyTotpRegistrationResponse>> {
        private final TotpRegistration registration;

        VerifyReplies(TotpRegistration registration) {
            this.registration = registration;
        }

        @Override
        public HttpResponse<VerifyTotpRegistrationResponse> accepted(TotpCheck.Accepted outcome) {
            return HttpResponse.ok(new VerifyTotpRegistrationResponse().details(detailsOf(registration)));
        }

        @Override
        public HttpResponse<VerifyTotpRegistrationResponse> replayed(TotpCheck.Replayed outcome) {
            return invalid("The code was already used; wait for the next code of the app");
        }

        @Override
        public HttpResponse<VerifyTotpRegistrationResponse> rejected(TotpCheck.Rejected outcome) {
            return invalid(CodeFlows.WRONG_APP_CODE);
        }

        @Override
        public HttpResponse<VerifyTotpRegistrationResponse> locked(TotpCheck.Locked outcome) {
            return Replies.tooMany(outcome.retryAfter(), CodeFlows.FACTOR_LOCKED, Reason.APP_LOCKED);
        }

        @Override
        public HttpResponse<VerifyTotpRegistrationResponse> malformed(TotpCheck.Malformed outcome) {
            return Replies.invalidField("code", Replies.digitsRule(outcome.digits()));
        }

        private HttpResponse<VerifyTotpRegistrationResponse> invalid(String message) {
            return Replies.error(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_OTP, message, Reason.CODE_WRONG);
        }
    }
}
