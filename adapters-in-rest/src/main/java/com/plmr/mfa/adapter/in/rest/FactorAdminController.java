package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.FactorAdminApi;
import com.plmr.mfa.adapter.in.rest.model.RemovedFactors;
import com.plmr.mfa.adapter.in.rest.model.ResetFactorsRequest;
import com.plmr.mfa.adapter.in.rest.model.ResetFactorsResponse;
import com.plmr.mfa.application.port.in.ResetFactorsUseCase;
import com.plmr.mfa.domain.factor.FactorKind;
import com.plmr.mfa.domain.factor.FactorReset;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Optional;

/** An administrator's reset of a user's factors; the wire's checks (reason present, not blank, known kind) come first. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class FactorAdminController implements FactorAdminApi {

    private final ResetFactorsUseCase resets;
    private final ResourceDetails details;
    private final Actors actors;

    FactorAdminController(ResetFactorsUseCase resets, ResourceDetails details, Actors actors) {
        this.resets = resets;
        this.details = details;
        this.actors = actors;
    }

    @Override
    public HttpResponse<ResetFactorsResponse> resetFactors(String id, ResetFactorsRequest request) {
        String reason = request.getReason().strip();
        if (reason.isEmpty() || reason.codePointCount(0, reason.length()) > ResetFactorsUseCase.Command.MAX_REASON) {
            return Replies.invalidField("reason", "must be 1 to " + ResetFactorsUseCase.Command.MAX_REASON
                    + " characters, not blank");
        }
        Optional<FactorKind> kind = Optional.ofNullable(request.getFactor())
                .map(factor -> FactorKind.ofCode(factor.getValue()).orElseThrow());
        return Replies.reply(resets.reset(actors.current(), new ResetFactorsUseCase.Command(new UserId(id), kind,
                reason)), Replies.Subject.USER_FACTOR, reset -> HttpResponse.ok(body(reset)));
    }

    private ResetFactorsResponse body(FactorReset reset) {
        return new ResetFactorsResponse().details(details.of(reset.user().value(), null, reset.at()))
                .removed(new RemovedFactors().phones(reset.phones()).emails(reset.emails())
                        .totpRegistrations(reset.apps()).recoveryCodes(reset.recoveryCodes()))
                .cancelledChallenges(reset.cancelledChallenges());
    }
}
