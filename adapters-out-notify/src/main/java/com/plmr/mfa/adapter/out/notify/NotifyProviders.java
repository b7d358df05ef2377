package com.plmr.mfa.adapter.out.notify;

import java.util.List;

/** Configuration keys and values that select the delivery providers. */
public final class NotifyProviders {

    /** Selects the SMS sender: {@value #TWILIO}, {@value #WEBHOOK} or {@value #DEV} (default). */
    public static final String SMS_PROVIDER = "mfa.notify.sms.provider";
    /** Selects the e-mail sender: {@value #SMTP} or {@value #DEV} (default). */
    public static final String EMAIL_PROVIDER = "mfa.notify.email.provider";

    public static final String TWILIO = "twilio";
    public static final String WEBHOOK = "webhook";
    public static final String SMTP = "smtp";
    public static final String DEV = "dev";

    public static final List<String> SMS_PROVIDERS = List.of(TWILIO, WEBHOOK, DEV);
    public static final List<String> EMAIL_PROVIDERS = List.of(SMTP, DEV);

    /**
     * The only Micronaut environments in which the development sink may run: the development run
     * and the tests, and never together with {@code prod}/{@code production}. Anywhere else
     * (staging, ...) a real provider must be configured.
     */
    public static final String DEV_ENVIRONMENT = "dev";
    public static final String TEST_ENVIRONMENT = "test";
    public static final List<String> SINK_ENVIRONMENTS = List.of(DEV_ENVIRONMENT, TEST_ENVIRONMENT);
    public static final String PROD = "prod";
    public static final String PRODUCTION = "production";
    public static final List<String> PROD_ENVIRONMENTS = List.of(PROD, PRODUCTION);

    /** Bean names of the active senders, for injection of one of them by channel. */
    public static final String SMS_BEAN = "sms";
    public static final String EMAIL_BEAN = "email";

    private NotifyProviders() {
    }
}
