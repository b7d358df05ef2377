package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.factor.FactorKind;
import com.plmr.mfa.domain.factor.FactorReset;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * An administrator removes all factors of a user, or those of one kind, for example after the user
 * lost the phone its authenticator app was on. Only a service holding {@link Scopes#FACTORS_ADMIN}
 * may: a user never resets itself (that would also be how an attacker holding its session removes
 * its factors), and {@link Scopes#FACTORS_MANAGE} does not suffice. The reset names its reason,
 * which the audit trail keeps; the user's pending challenges are cancelled, and the user is told.
 * Resetting a user with no factors is granted and removes nothing.
 */
public interface ResetFactorsUseCase {

    Access<FactorReset> reset(Actor actor, Command command);

    /**
     * @param user   whose factors
     * @param kind   the one kind to remove; empty for all
     * @param reason why, for the audit trail: 1 to {@value #MAX_REASON} characters, not blank
     */
    record Command(UserId user, Optional<FactorKind> kind, String reason) {

        public static final int MAX_REASON = 500;

        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            reason = reason.strip();
            if (reason.isEmpty() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
                throw new IllegalArgumentException("reason must be 1 to " + MAX_REASON + " characters, not blank");
            }
        }
    }
}
