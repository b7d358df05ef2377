package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ListTotpRegistrationsUseCase;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/** Lists a user's registrations; a user without any has an empty list, not an unknown one. */
public final class ListTotpRegistrationsService implements ListTotpRegistrationsUseCase {

    private final LoadTotpRegistrationsPort registrations;

    public ListTotpRegistrationsService(LoadTotpRegistrationsPort registrations) {
        this.registrations = registrations;
    }

    @Override
    public Access<List<TotpRegistration>> list(Actor actor, UserId user) {
        return FactorGate.enter(actor, user, () -> Optional.of(registrations.registrationsOf(user)));
    }
}
