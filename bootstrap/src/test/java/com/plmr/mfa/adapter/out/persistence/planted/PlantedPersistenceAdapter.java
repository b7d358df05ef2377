package com.plmr.mfa.adapter.out.persistence.planted;

import com.plmr.mfa.adapter.out.notify.planted.PlantedNotifyAdapter;

/** A persistence adapter class that sends messages itself, on purpose. Test code only. */
public final class PlantedPersistenceAdapter {

    public PlantedNotifyAdapter sender() {
        return new PlantedNotifyAdapter();
    }
}
