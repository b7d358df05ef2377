package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.domain.crypto.SecretSealer;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * The sealer of this module's tests, in place of the service's, which bootstrap builds from its
 * key ring settings: one AES-256 key of the tests' own, active, so rows are sealed at rest here as
 * they are in the service. Not part of the test jar, so the service's tests keep the service's.
 */
@Factory
class TestSealerFactory {

    static final String KEY_ID = "test-1";

    @Singleton
    SecretSealer secretSealer() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x5a);
        return new SecretSealer(Map.of(KEY_ID, key), KEY_ID, new SecureRandom());
    }
}
