package com.plmr.mfa.application.service;

import com.plmr.mfa.domain.challenge.CodeMatch;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;

/**
 * Checks an authenticator-app code against a user's active registrations. A match advances the
 * registration's last accepted time step (compare-and-set), so the same code never matches twice.
 */
public interface AuthenticatorCodeCheck {

    CodeMatch check(UserId user, String code, Instant now);
}
