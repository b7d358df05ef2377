package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.StartTotpRegistrationRequest;
import com.plmr.mfa.adapter.in.rest.model.TotpAlgorithm;
import com.plmr.mfa.adapter.in.rest.model.TotpRegistration;
import com.plmr.mfa.adapter.in.rest.model.TotpState;
import com.plmr.mfa.application.port.in.StartTotpRegistrationUseCase;
import com.plmr.mfa.domain.authenticator.HmacAlgorithm;
import com.plmr.mfa.domain.user.UserId;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Maps the UserTotp models to commands and registrations to models; secrets are never mapped. */
final class TotpModels {

    private TotpModels() {
    }

    static StartTotpRegistrationUseCase.Command command(UserId user, StartTotpRegistrationRequest request) {
        StartTotpRegistrationRequest body = request == null ? new StartTotpRegistrationRequest() : request;
        new FieldErrors()
                .valid("issuer", body.getIssuer(), StartTotpRegistrationUseCase.Command::isValidIssuer,
                        "must be at most 64 characters without a colon")
                .valid("accountName", body.getAccountName(), StartTotpRegistrationUseCase.Command::isValidAccountName,
                        "must be at most 128 characters without a colon")
                .throwIfAny();
        return new StartTotpRegistrationUseCase.Command(user,
                Optional.ofNullable(body.getIssuer()).filter(text -> !text.isBlank()),
                Optional.ofNullable(body.getAccountName()).filter(text -> !text.isBlank()),
                Optional.ofNullable(body.getAlgorithm()).map(algorithm -> HmacAlgorithm.valueOf(algorithm.name())),
                body.getDigits() == null ? OptionalInt.empty() : OptionalInt.of(body.getDigits()),
                Optional.ofNullable(body.getPeriod()).map(Duration::ofSeconds));
    }

    static TotpRegistration toModel(com.plmr.mfa.domain.factor.TotpRegistration registration,
                                    com.plmr.mfa.adapter.in.rest.model.Details details) {
        return new TotpRegistration().details(details).totpId(registration.id().value())
                .state(TotpState.valueOf(registration.state().name()))
                .algorithm(TotpAlgorithm.valueOf(registration.parameters().algorithm().name()))
                .digits(registration.parameters().digits())
                .period(Math.toIntExact(registration.parameters().periodSeconds()))
                .issuer(registration.issuer()).accountName(registration.accountName())
                .lastUsed(registration.lastUsed().orElse(null));
    }
}
