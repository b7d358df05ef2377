package com.plmr.mfa.adapter.out.notify.dev;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the development sink ({@code mfa.notify.dev-sink.*}).
 *
 * @param file file the messages are appended to, relative to the working directory unless absolute
 */
@ConfigurationProperties(DevSinkProperties.PREFIX)
public record DevSinkProperties(@Bindable(defaultValue = DevSinkProperties.DEFAULT_FILE) String file) {

    public static final String PREFIX = "mfa.notify.dev-sink";
    public static final String DEFAULT_FILE = "./.mfa-dev/dev-sink.log";
}
