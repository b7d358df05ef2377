package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.UsersApi;
import com.plmr.mfa.adapter.in.rest.model.EraseUserResponse;
import com.plmr.mfa.adapter.in.rest.model.ErasedData;
import com.plmr.mfa.application.port.in.EraseUserUseCase;
import com.plmr.mfa.domain.user.UserErasure;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController implements UsersApi {

    private final EraseUserUseCase erasure;
    private final ResourceDetails details;
    private final Actors actors;

    UsersController(EraseUserUseCase erasure, ResourceDetails details, Actors actors) {
        this.erasure = erasure;
        this.details = details;
        this.actors = actors;
    }

    @Override
    public HttpResponse<EraseUserResponse> eraseUser(String id) {
        return Replies.reply(erasure.erase(actors.current(), new UserId(id)), Replies.Subject.USER_FACTOR,
                erased -> HttpResponse.ok(body(erased)));
    }

    private EraseUserResponse body(UserErasure erased) {
        return new EraseUserResponse().details(details.of(erased.user().value(), null, erased.at()))
                .erased(new ErasedData().contacts(erased.contacts()).totpRegistrations(erased.totpRegistrations())
                        .challenges(erased.challenges()).outboxMessages(erased.outboxMessages())
                        .sendQuotas(erased.sendQuotas()).failureStreaks(erased.failureStreaks())
                        .recoveryCodes(erased.recoveryCodes()));
    }
}
