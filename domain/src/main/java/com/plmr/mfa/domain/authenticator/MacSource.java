package com.plmr.mfa.domain.authenticator;

import javax.crypto.Mac;

/**
 * Where a verification takes its HMAC: {@link MacSupply#fresh} in the service; a test may hand
 * out instances that count their computations, to prove what a verification costs.
 */
@FunctionalInterface
interface MacSource {

    /** A new, uninitialised {@link Mac} of {@code algorithm}, for one call on one thread. */
    Mac fresh(HmacAlgorithm algorithm);
}
