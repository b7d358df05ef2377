package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ListTotpRegistrationsUseCase;
import com.plmr.mfa.application.port.out.LoadTotpRegistrationsPort;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lists a user's registrations; a user without any has an empty list, not an unknown one. A
 * registration whose enrolment ran out is left out, as it will be once purged.
 */
public final class ListTotpRegistrationsService implements ListTotpRegistrationsUseCase {

    private final LoadTotpRegistrationsPort registrations;
    private final TotpPolicy policy;
    private final Clock clock;

    public ListTotpRegistrationsService(LoadTotpRegistrationsPort registrations, TotpPolicy policy, Clock clock) {
        this.registrations = registrations;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Access<List<TotpRegistration>> list(Actor actor, UserId user) {
        Instant now = clock.instant();
        return FactorGate.enter(actor, user, () -> Optional.of(registrations.registrationsOf(user).stream()
                .filter(registration -> !registration.expiredAt(policy, now)).toList()));
    }
}
