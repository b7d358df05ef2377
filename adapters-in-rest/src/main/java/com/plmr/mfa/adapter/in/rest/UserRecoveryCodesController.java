package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.UserRecoveryCodesApi;
import com.plmr.mfa.adapter.in.rest.model.GenerateRecoveryCodesResponse;
import com.plmr.mfa.adapter.in.rest.model.RecoveryCodes;
import com.plmr.mfa.application.port.in.GenerateRecoveryCodesUseCase;
import com.plmr.mfa.application.port.in.ReadRecoveryCodesUseCase;
import com.plmr.mfa.domain.recovery.RecoveryCode;
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
class UserRecoveryCodesController implements UserRecoveryCodesApi {

    private final GenerateRecoveryCodesUseCase generate;
    private final ReadRecoveryCodesUseCase read;
    private final FactorModels models;
    private final Actors actors;

    UserRecoveryCodesController(GenerateRecoveryCodesUseCase generate, ReadRecoveryCodesUseCase read,
                                FactorModels models, Actors actors) {
        this.generate = generate;
        this.read = read;
        this.models = models;
        this.actors = actors;
    }

    /** The only answer that ever holds the codes in clear. */
    @Override
    public HttpResponse<GenerateRecoveryCodesResponse> generateRecoveryCodes(String id) {
        return Replies.reply(generate.generate(actors.current(), new UserId(id)), Replies.Subject.USER_FACTOR,
                generated -> HttpResponse.ok(new GenerateRecoveryCodesResponse()
                        .details(models.details(id, generated.set().created(), generated.set().created()))
                        .codes(generated.set().codes().stream().map(RecoveryCode::grouped).toList())
                        .replacedPrevious(generated.replacedPrevious())));
    }

    @Override
    public HttpResponse<RecoveryCodes> getRecoveryCodes(String id) {
        return Replies.reply(read.read(actors.current(), new UserId(id)), Replies.Subject.USER_FACTOR,
                summary -> HttpResponse.ok(models.recoveryCodes(id, summary)));
    }
}
