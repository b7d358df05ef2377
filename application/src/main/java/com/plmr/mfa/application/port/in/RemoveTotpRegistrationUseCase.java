package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.factor.TotpRegistration;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import com.plmr.mfa.domain.user.Actor;
import com.plmr.mfa.domain.user.UserId;

/** Removes an authenticator app; its secret is deleted with it. */
public interface RemoveTotpRegistrationUseCase {

    /** The registration as it was, changed at the time of removal; not found when the user has none with this id. */
    Access<TotpRegistration> remove(Actor actor, UserId user, TotpRegistrationId registration);
}
