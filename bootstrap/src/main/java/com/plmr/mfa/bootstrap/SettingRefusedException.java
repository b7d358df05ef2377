package com.plmr.mfa.bootstrap;

import io.micronaut.context.exceptions.ConfigurationException;

/**
 * A setting whose value the service refuses to start with. The message is one line that names
 * the setting (variable and property), the value given (unless secret) and what it must be.
 */
final class SettingRefusedException extends ConfigurationException {

    private static final long serialVersionUID = 1L;
    private final String key;

    SettingRefusedException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The property key of the refused setting. */
    String key() {
        return key;
    }
}
