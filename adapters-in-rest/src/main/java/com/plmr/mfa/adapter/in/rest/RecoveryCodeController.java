package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.RecoveryCodeApi;
import com.plmr.mfa.adapter.in.rest.model.Challenge;
import com.plmr.mfa.adapter.in.rest.model.VerifyRecoveryCodeRequest;
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
class RecoveryCodeController implements RecoveryCodeApi {

    private final CodeFlows flows;

    RecoveryCodeController(CodeFlows flows) {
        this.flows = flows;
    }

    @Override
    public HttpResponse<Challenge> verifyRecoveryCode(String challengeId, VerifyRecoveryCodeRequest request) {
        return flows.verify(challengeId, ChallengeMethod.RECOVERY, "code", request.getCode(),
                "must be a recovery code: 12 letters and digits, such as 7kq2-m9xd-4hvt");
    }
}
