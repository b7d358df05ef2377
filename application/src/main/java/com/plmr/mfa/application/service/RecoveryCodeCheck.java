package com.plmr.mfa.application.service;

import com.plmr.mfa.domain.recovery.RecoveryCode;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Uses up one of a user's recovery codes, in the caller's transaction: a code answers one challenge,
 * once, however many requests present it at the same time.
 */
public interface RecoveryCodeCheck {

    /**
     * Whether {@code code} is an unused code of the user, which this call then marked used; empty when
     * the user has no unused code left (nothing was checked). A code used before is refused like any
     * wrong one.
     */
    Optional<Boolean> use(Actor actor, UserId user, RecoveryCode code, Instant now);
}
