package com.plmr.mfa.application.service.planted;

/** A service for {@code PlantedRestAdapter} to call directly, on purpose. Test code only. */
public final class PlantedService {
}
