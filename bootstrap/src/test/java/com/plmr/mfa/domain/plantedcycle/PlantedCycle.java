package com.plmr.mfa.domain.plantedcycle;

import com.plmr.mfa.domain.planted.PlantedViolation;

/** One half of a planted cycle between two domain packages; {@link PlantedViolation} is the other. Test code only. */
public final class PlantedCycle {

    public PlantedViolation partner() {
        return new PlantedViolation();
    }
}
