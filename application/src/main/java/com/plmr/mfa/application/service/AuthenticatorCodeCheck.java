package com.plmr.mfa.application.service;

import com.plmr.mfa.domain.authenticator.TotpCheck;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks an authenticator-app code against a user's active registrations and stores what the
 * check changed: an acceptance advances the registration's last accepted time step
 * (compare-and-set), so the same code never passes twice; a refusal counts towards the lockout.
 */
public interface AuthenticatorCodeCheck {

    /** The verdict, or empty when the user has no active authenticator app (nothing was checked). */
    Optional<TotpCheck> check(Actor actor, UserId user, String code, Instant now);
}
