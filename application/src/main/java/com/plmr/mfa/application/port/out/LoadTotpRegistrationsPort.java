package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/**
 * Reads a user's authenticator-app registrations, secrets sealed. The locked read ({@code SELECT
 * ... FOR UPDATE}) is for a code check: it holds the row until the transaction ends, so what the
 * check stores (a failure count, the accepted step) is computed from the latest state and
 * concurrent wrong codes, on any instance, all count, without reading a row twice. A challenge's
 * app code is checked against the registrations read with the challenge ({@link
 * LockChallengeForVerifyPort}).
 */
public interface LoadTotpRegistrationsPort {

    /** The registration when it exists and belongs to {@code owner}. */
    Optional<TotpRegistration> registrationOf(UserId owner, TotpRegistrationId id);

    /** All of the user's registrations, oldest first. */
    List<TotpRegistration> registrationsOf(UserId owner);

    /** Like {@link #registrationOf}, locked until the transaction ends. */
    Optional<TotpRegistration> lockedRegistrationOf(UserId owner, TotpRegistrationId id);
}
