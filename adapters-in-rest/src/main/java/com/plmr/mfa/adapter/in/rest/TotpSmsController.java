package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.TotpSmsApi;
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
class TotpSmsController implements TotpSmsApi {

    private final CodeFlows flows;

    TotpSmsController(CodeFlows flows) {
        this.flows = flows;
    }

    @Override
    public HttpResponse<CodeSent> initiateSms(String challengeId, @Nullable String acceptLanguage) {
        return flows.initiate(challengeId, ChallengeMethod.SMS, acceptLanguage);
    }

    @Override
    public HttpResponse<Challenge> verifySms(String challengeId, VerifyOtpRequest verifyOtpRequest) {
        return flows.verify(challengeId, ChallengeMethod.SMS, verifyOtpRequest);
    }
}
