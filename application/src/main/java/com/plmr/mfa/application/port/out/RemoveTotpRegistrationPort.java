package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.factor.TotpRegistrationId;

/** Deletes a registration and its sealed secret. */
public interface RemoveTotpRegistrationPort {

    /** @return whether this call deleted the registration (one counted statement: of two concurrent removals, one) */
    boolean remove(TotpRegistrationId id);
}
