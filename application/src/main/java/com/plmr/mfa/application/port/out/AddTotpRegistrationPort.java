package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.factor.TotpRegistration;

/** Keeps a newly started registration; its id is new, so it never replaces one. */
public interface AddTotpRegistrationPort {

    void add(TotpRegistration registration);
}
