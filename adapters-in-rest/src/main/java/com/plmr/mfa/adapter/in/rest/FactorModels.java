package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ContactFactor;
import com.plmr.mfa.adapter.in.rest.model.Details;
import com.plmr.mfa.adapter.in.rest.model.ListFactorsResponse;
import com.plmr.mfa.adapter.in.rest.model.RecoveryCodes;
import com.plmr.mfa.application.port.in.ListFactorsUseCase;
import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.Contact;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * The factor inventory and the recovery codes' state as API models: contacts only masked, apps
 * without their secrets, recovery codes only counted. Nothing here can carry a secret or a code.
 */
@Singleton
class FactorModels {

    private final ResourceDetails details;

    FactorModels(ResourceDetails details) {
        this.details = details;
    }

    Details details(String id, Instant created, Instant changed) {
        return details.of(id, created, changed);
    }

    RecoveryCodes recoveryCodes(String user, RecoveryCodeSummary summary) {
        return new RecoveryCodes().details(details.of(user, summary.created(), summary.changed()))
                .remaining(summary.remaining()).generated(summary.generated()).created(summary.created())
                .lastUsed(summary.lastUsed().orElse(null));
    }

    ListFactorsResponse inventory(ListFactorsUseCase.Factors factors) {
        String user = factors.user().value();
        return new ListFactorsResponse().details(details.of(user, null, null))
                .phone(factors.phone().map(FactorModels::contact).orElse(null))
                .email(factors.email().map(FactorModels::contact).orElse(null))
                .totp(factors.apps().stream().map(app -> TotpModels.toModel(app,
                        details.of(app.id().value(), app.created(), app.changed()))).toList())
                .recoveryCodes(factors.recoveryCodes().map(summary -> recoveryCodes(user, summary)).orElse(null));
    }

    private static ContactFactor contact(Contact contact) {
        return new ContactFactor().masked(contact.masked()).created(contact.created()).changed(contact.changed());
    }
}
