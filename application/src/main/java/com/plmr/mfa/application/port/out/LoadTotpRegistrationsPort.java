package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/** Reads a user's authenticator-app registrations, secrets sealed. */
public interface LoadTotpRegistrationsPort {

    /** The registration when it exists and belongs to {@code owner}. */
    Optional<TotpRegistration> registrationOf(UserId owner, TotpRegistrationId id);

    /** All of the user's registrations, oldest first. */
    List<TotpRegistration> registrationsOf(UserId owner);

    /**
     * Reads the registration's latest state and locks it until the transaction ends ({@code SELECT
     * ... FOR UPDATE}), so concurrent wrong codes, on any instance, all count.
     */
    Optional<TotpRegistration> lockedForFailure(TotpRegistrationId id);
}
