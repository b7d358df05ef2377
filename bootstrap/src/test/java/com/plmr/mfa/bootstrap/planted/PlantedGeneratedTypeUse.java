package com.plmr.mfa.bootstrap.planted;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;

/** A class outside the REST adapter that handles a generated wire type, on purpose. Test code only. */
public final class PlantedGeneratedTypeUse {

    public ErrorCode wireCode() {
        return ErrorCode.values()[0];
    }
}
