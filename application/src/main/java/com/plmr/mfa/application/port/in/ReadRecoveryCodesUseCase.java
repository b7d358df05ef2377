package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

/**
 * How many of a user's recovery codes are left, never a code. Users read their own; services need
 * {@link Scopes#FACTORS_MANAGE}.
 */
public interface ReadRecoveryCodesUseCase {

    /** Not found when the user has no set. */
    Access<RecoveryCodeSummary> read(Actor actor, UserId user);
}
