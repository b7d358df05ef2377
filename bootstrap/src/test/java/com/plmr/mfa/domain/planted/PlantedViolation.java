package com.plmr.mfa.domain.planted;

import com.plmr.mfa.domain.plantedcycle.PlantedCycle;
import io.micronaut.core.annotation.Introspected;

import java.security.SecureRandom;
import java.time.Instant;

/** Breaks the domain's rules on purpose, so the architecture tests can prove they notice. Test code only. */
@Introspected
public final class PlantedViolation {

    public Instant readsTheClock() {
        return Instant.now();
    }

    public int makesItsOwnRandomness() {
        return new SecureRandom().nextInt();
    }

    /** Closes a cycle with another domain package. */
    public PlantedCycle usesAPackageThatUsesThisOne() {
        return new PlantedCycle();
    }
}
