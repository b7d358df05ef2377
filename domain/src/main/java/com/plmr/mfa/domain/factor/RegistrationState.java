package com.plmr.mfa.domain.factor;

/** Where a registration stands: only {@link #ACTIVE} ones answer challenges. */
public enum RegistrationState {
    /** Started; the app has the secret but no code of it was accepted yet. */
    UNVERIFIED,
    /** A code of the app was accepted once; the registration verifies challenges. */
    ACTIVE
}
