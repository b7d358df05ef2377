package com.plmr.mfa.adapter.out.notify.sms;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings of the generic webhook SMS sender ({@code mfa.notify.sms.webhook.*}).
 *
 * @param url            absolute http(s) URL the JSON is POSTed to
 * @param bearerToken    sent as {@code Authorization: Bearer <token>} when set (secret)
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout timeout for the whole request until the response headers arrive
 */
@ConfigurationProperties(WebhookProperties.PREFIX)
public record WebhookProperties(
        @Nullable String url,
        @Nullable String bearerToken,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration requestTimeout) {

    public static final String PREFIX = "mfa.notify.sms.webhook";

    @Override
    public String toString() {
        return "WebhookProperties[url=" + url + ", bearerToken=" + (bearerToken == null ? "unset" : "****")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
