package com.plmr.mfa.application.service;

import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.user.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks an authenticator-app code against a user's active registrations and stores what the
 * check changed: an acceptance advances the registration's last accepted time step
 * (compare-and-set), so the same code never passes twice; a refusal counts towards the lockout.
 */
public interface AuthenticatorCodeCheck {

    /**
     * The verdict, or empty when none of {@code registrations} (all of one user's, read locked in
     * the caller's transaction) is active: nothing was checked.
     */
    Optional<TotpCheck> check(Actor actor, List<TotpRegistration> registrations, String code, Instant now);
}
