package com.plmr.mfa.adapter.out.notify.sms;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings of the Twilio SMS sender ({@code mfa.notify.sms.twilio.*}).
 *
 * @param baseUrl             API root, {@code https://api.twilio.com} (a local stub in tests)
 * @param accountSid          account SID ({@code AC...}), user name of HTTP Basic auth
 * @param authToken           auth token, password of HTTP Basic auth (secret)
 * @param from                sender phone number in E.164 or alphanumeric sender id; needed
 *                            unless {@code messagingServiceSid} is set
 * @param messagingServiceSid messaging service SID ({@code MG...}); sent instead of {@code From}
 *                            when set
 * @param connectTimeout      TCP/TLS connect timeout
 * @param requestTimeout      timeout for the whole request until the response headers arrive
 * @param statusCallbackUrl   this service's public URL of {@code /callbacks/v1/sms/twilio}, passed to
 *                            Twilio as {@code StatusCallback}; unset: no delivery receipts
 */
@ConfigurationProperties(TwilioProperties.PREFIX)
public record TwilioProperties(
        @Bindable(defaultValue = "https://api.twilio.com") String baseUrl,
        @Nullable String accountSid,
        @Nullable String authToken,
        @Nullable String from,
        @Nullable String messagingServiceSid,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration requestTimeout,
        @Nullable String statusCallbackUrl) {

    public static final String PREFIX = "mfa.notify.sms.twilio";

    @Override
    public String toString() {
        return "TwilioProperties[baseUrl=" + baseUrl + ", accountSid=" + accountSid
                + ", authToken=" + (authToken == null ? "unset" : "****")
                + ", from=" + (from == null ? "unset" : "set")
                + ", messagingServiceSid=" + messagingServiceSid
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", statusCallbackUrl=" + statusCallbackUrl + "]";
    }
}
