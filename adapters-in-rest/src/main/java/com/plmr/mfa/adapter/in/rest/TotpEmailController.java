package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.TotpEmailApi;
import com.plmr.mfa.adapter.in.rest.model.Challenge;
import com.plmr.mfa.adapter.in.rest.model.CodeSent;
import com.plmr.mfa.adapter.in.rest.model.VerifyOtpRequest;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TotpEmailController implements TotpEmailApi {

    private final CodeFlows flows;

    TotpEmailController(CodeFlows flows) {
        this.flows = flows;
    }

    @Override
    public HttpResponse<CodeSent> initiateEmail(String challengeId, @Nullable String acceptLanguage) {
        return flows.initiate(challengeId, ChallengeMethod.EMAIL, acceptLanguage);
    }

    @Override
    public HttpResponse<Challenge> verifyEmail(String challengeId, VerifyOtpRequest verifyOtpRequest) {
        return flows.verify(challengeId, ChallengeMethod.EMAIL, verifyOtpRequest);
    }
}
