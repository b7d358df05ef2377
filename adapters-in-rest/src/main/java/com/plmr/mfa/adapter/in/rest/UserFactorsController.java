package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.UserFactorsApi;
import com.plmr.mfa.adapter.in.rest.model.ListFactorsResponse;
import com.plmr.mfa.application.port.in.ListFactorsUseCase;
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
class UserFactorsController implements UserFactorsApi {

    private final ListFactorsUseCase list;
    private final FactorModels models;
    private final Actors actors;

    UserFactorsController(ListFactorsUseCase list, FactorModels models, Actors actors) {
        this.list = list;
        this.models = models;
        this.actors = actors;
    }

    @Override
    public HttpResponse<ListFactorsResponse> listFactors(String id) {
        return Replies.reply(list.list(actors.current(), new UserId(id)), Replies.Subject.USER_FACTOR,
                factors -> HttpResponse.ok(models.inventory(factors)));
    }
}
