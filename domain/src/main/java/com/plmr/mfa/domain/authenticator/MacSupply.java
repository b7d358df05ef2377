package com.plmr.mfa.domain.authenticator;

import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;

/**
 * Hands out new, uninitialised {@link Mac} instances without a JCA provider lookup per call.
 *
 * <p>One prototype per {@link HmacAlgorithm} is created when the class loads and is never
 * initialised, updated or handed out: it is only cloned, which reads it and nothing else, so
 * sharing it between threads is safe. Asking for its MAC length at load time makes the JCA settle
 * on a provider there, instead of on the first concurrent clone. A provider whose MAC cannot be
 * cloned falls back to {@link Mac#getInstance(String)}, which is correct, only slower.
 */
final class MacSupply {

    private static final Mac[] PROTOTYPES = prototypes();

    private MacSupply() {
    }

    static Mac fresh(HmacAlgorithm algorithm) {
        try {
            return (Mac) PROTOTYPES[algorithm.ordinal()].clone();
        } catch (CloneNotSupportedException notCloneable) {
            return instance(algorithm);
        }
    }

    private static Mac[] prototypes() {
        HmacAlgorithm[] algorithms = HmacAlgorithm.values();
        Mac[] prototypes = new Mac[algorithms.length];
        for (HmacAlgorithm algorithm : algorithms) {
            Mac prototype = instance(algorithm);
            prototype.getMacLength();
            prototypes[algorithm.ordinal()] = prototype;
        }
        return prototypes;
    }

    private static Mac instance(HmacAlgorithm algorithm) {
        try {
            return Mac.getInstance(algorithm.macName());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(algorithm.macName() + " is not available", missing);
        }
    }
}
