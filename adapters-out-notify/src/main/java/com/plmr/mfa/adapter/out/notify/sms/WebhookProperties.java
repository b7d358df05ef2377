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
 * @param statusCallbackUrl this service's public URL of {@code /callbacks/v1/sms/webhook}, sent to the
 *                          gateway as {@code statusCallback}; unset: no delivery receipts
 * @param callbackSecret    the key the gateway signs its status callbacks with (secret), at least 32
 *                          characters; required with {@code statusCallbackUrl}
 */
@ConfigurationProperties(WebhookProperties.PREFIX)
public record WebhookProperties(
        @Nullable String url,
        @Nullable String bearerToken,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration requestTimeout,
        @Nullable String statusCallbackUrl,
        @Nullable String callbackSecret) {

    public static final String PREFIX = "mfa.notify.sms.webhook";

    @Override
    public String toString() {
        return "WebhookProperties[url=" + url + ", bearerToken=" + (bearerToken == null ? "unset" : "****")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", statusCallbackUrl=" + statusCallbackUrl
                + ", callbackSecret=" + (callbackSecret == null ? "unset" : "****") + "]";
    }
}
