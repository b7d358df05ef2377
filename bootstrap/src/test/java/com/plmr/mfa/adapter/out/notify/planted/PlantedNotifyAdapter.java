package com.plmr.mfa.adapter.out.notify.planted;

import com.plmr.mfa.adapter.in.rest.planted.PlantedRestAdapter;

/** A notification adapter class that uses the REST adapter, on purpose. Test code only. */
public final class PlantedNotifyAdapter {

    public PlantedRestAdapter caller() {
        return new PlantedRestAdapter();
    }
}
