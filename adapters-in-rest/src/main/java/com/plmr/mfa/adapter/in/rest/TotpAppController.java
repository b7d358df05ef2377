package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.TotpAppApi;
import com.plmr.mfa.adapter.in.rest.model.Challenge;
import com.plmr.mfa.adapter.in.rest.model.VerifyOtpRequest;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TotpAppController implements TotpAppApi {

    private final CodeFlows flows;

    TotpAppController(CodeFlows flows) {
        this.flows = flows;
    }

    @Override
    public HttpResponse<Challenge> verifyApp(String challengeId, VerifyOtpRequest verifyOtpRequest) {
        return flows.verify(challengeId, ChallengeMethod.APP, verifyOtpRequest);
    }
}
