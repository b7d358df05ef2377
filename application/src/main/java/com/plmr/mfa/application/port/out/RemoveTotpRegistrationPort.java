package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.factor.TotpRegistrationId;

/** Deletes a registration and its sealed secret. */
public interface RemoveTotpRegistrationPort {

    /** @return whether there was a registration to delete */
    boolean remove(TotpRegistrationId id);
}
