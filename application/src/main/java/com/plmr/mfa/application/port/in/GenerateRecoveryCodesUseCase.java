package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.recovery.RecoveryCodeSet;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.util.Objects;

/**
 * Generates a user's recovery codes, replacing any earlier set as a whole: once this returns, no code
 * of the earlier set works, used or not. The codes are answered in clear once and never again.
 * Users generate their own; services need {@link Scopes#FACTORS_MANAGE}.
 */
public interface GenerateRecoveryCodesUseCase {

    Access<Generated> generate(Actor actor, UserId user);

    /**
     * The new set, in clear for the one answer that shows it, and whether it replaced an earlier set.
     */
    record Generated(RecoveryCodeSet set, boolean replacedPrevious) {
        public Generated {
            Objects.requireNonNull(set, "set");
        }
    }
}
