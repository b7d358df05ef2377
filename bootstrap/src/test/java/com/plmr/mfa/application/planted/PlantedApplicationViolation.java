package com.plmr.mfa.application.planted;

import io.micronaut.core.annotation.Introspected;

/** An application class that carries a framework annotation, on purpose. Test code only. */
@Introspected
public final class PlantedApplicationViolation {
}
