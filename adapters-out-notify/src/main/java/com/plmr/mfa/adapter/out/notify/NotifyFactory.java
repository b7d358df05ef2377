package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.adapter.out.notify.dev.DevInbox;
import com.plmr.mfa.adapter.out.notify.dev.DevSinkFile;
import com.plmr.mfa.adapter.out.notify.dev.DevSinkProperties;
import com.plmr.mfa.adapter.out.notify.dev.DevSinkSender;
import com.plmr.mfa.adapter.out.notify.email.SmtpEmailSender;
import com.plmr.mfa.adapter.out.notify.email.SmtpProperties;
import com.plmr.mfa.adapter.out.notify.sms.TwilioProperties;
import com.plmr.mfa.adapter.out.notify.sms.TwilioReceipts;
import com.plmr.mfa.adapter.out.notify.sms.TwilioSmsSender;
import com.plmr.mfa.adapter.out.notify.sms.WebhookProperties;
import com.plmr.mfa.adapter.out.notify.sms.WebhookReceipts;
import com.plmr.mfa.adapter.out.notify.sms.WebhookSmsSender;
import com.plmr.mfa.domain.delivery.Channel;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

import static com.plmr.mfa.adapter.out.notify.NotifyProviders.DEV;
import static com.plmr.mfa.adapter.out.notify.NotifyProviders.DEV_ENVIRONMENT;
import static com.plmr.mfa.adapter.out.notify.NotifyProviders.EMAIL_PROVIDER;
import static com.plmr.mfa.adapter.out.notify.NotifyProviders.PROD;
import static com.plmr.mfa.adapter.out.notify.NotifyProviders.PRODUCTION;
import static com.plmr.mfa.adapter.out.notify.NotifyProviders.SMS_PROVIDER;
import static com.plmr.mfa.adapter.out.notify.NotifyProviders.TEST_ENVIRONMENT;

/**
 * The senders, one per channel, chosen by {@value NotifyProviders#SMS_PROVIDER} and
 * {@value NotifyProviders#EMAIL_PROVIDER}. Each is a {@code SendMessagePort} named
 * {@value NotifyProviders#SMS_BEAN} or {@value NotifyProviders#EMAIL_BEAN}, created eagerly so a
 * configuration mistake fails the start-up rather than the first send.
 */
@Factory
public class NotifyFactory {

    /** The shipped templates; SMS end with the autofill lines of {@link SmsFormat} and are measured when those beans exist. */
    @Singleton
    MessageTemplates messageTemplates(@Nullable SmsFormat smsFormat, @Nullable SmsMeasurements measurements) {
        return MessageTemplates.fromClasspath(MessageTemplates.DEFAULT_LOCATION,
                smsFormat == null ? SmsFormat.PLAIN : smsFormat, measurements == null ? SmsMeasurements.NONE : measurements);
    }

    @Context
    @Named(NotifyProviders.SMS_BEAN)
    @Requires(property = SMS_PROVIDER, value = NotifyProviders.TWILIO)
    TwilioSmsSender twilioSmsSender(TwilioProperties properties, MessageTemplates templates) {
        return configured(() -> new TwilioSmsSender(properties, templates));
    }

    @Context
    @Named(NotifyProviders.SMS_BEAN)
    @Requires(property = SMS_PROVIDER, value = NotifyProviders.WEBHOOK)
    WebhookSmsSender webhookSmsSender(WebhookProperties properties, MessageTemplates templates) {
        return configured(() -> new WebhookSmsSender(properties, templates));
    }

    /** Twilio's status callbacks, when Twilio sends SMS and is told where to post them. */
    @Context
    @Requires(property = SMS_PROVIDER, value = NotifyProviders.TWILIO)
    @Requires(property = TwilioProperties.PREFIX + ".status-callback-url")
    TwilioReceipts twilioReceipts(TwilioProperties properties) {
        return configured(() -> new TwilioReceipts(properties));
    }

    /** The webhook gateway's signed status callbacks, when it sends SMS and is told where to post them. */
    @Context
    @Requires(property = SMS_PROVIDER, value = NotifyProviders.WEBHOOK)
    @Requires(property = WebhookProperties.PREFIX + ".status-callback-url")
    WebhookReceipts webhookReceipts(WebhookProperties properties) {
        return configured(() -> new WebhookReceipts(properties));
    }

    @Context
    @Named(NotifyProviders.EMAIL_BEAN)
    @Requires(property = EMAIL_PROVIDER, value = NotifyProviders.SMTP)
    SmtpEmailSender smtpEmailSender(SmtpProperties properties, MessageTemplates templates, Clock clock) {
        return configured(() -> new SmtpEmailSender(properties, templates, clock));
    }

    @Singleton
    @Requires(env = {DEV_ENVIRONMENT, TEST_ENVIRONMENT})
    @Requires(notEnv = {PROD, PRODUCTION})
    DevSinkFile devSinkFile(DevSinkProperties properties) {
        return configured(() -> new DevSinkFile(Path.of(properties.file())));
    }

    /** The development inbox ({@code /dev/inbox}): the {@code dev} environment only, never with a production one. */
    @Singleton
    @Requires(env = Environment.DEVELOPMENT)
    @Requires(notEnv = {PROD, PRODUCTION})
    DevInbox devInbox() {
        return new DevInbox();
    }

    @Context
    @Named(NotifyProviders.SMS_BEAN)
    @Requires(env = {DEV_ENVIRONMENT, TEST_ENVIRONMENT})
    @Requires(notEnv = {PROD, PRODUCTION})
    @Requires(property = SMS_PROVIDER, value = DEV, defaultValue = DEV)
    DevSinkSender smsDevSink(DevSinkFile file, MessageTemplates templates, Clock clock, @Nullable DevInbox inbox) {
        return new DevSinkSender(Channel.SMS, file, templates, clock, inbox);
    }

    @Context
    @Named(NotifyProviders.EMAIL_BEAN)
    @Requires(env = {DEV_ENVIRONMENT, TEST_ENVIRONMENT})
    @Requires(notEnv = {PROD, PRODUCTION})
    @Requires(property = EMAIL_PROVIDER, value = DEV, defaultValue = DEV)
    DevSinkSender emailDevSink(DevSinkFile file, MessageTemplates templates, Clock clock,
                               @Nullable DevInbox inbox) {
        return new DevSinkSender(Channel.EMAIL, file, templates, clock, inbox);
    }

    /** A sender's own validation names the key at fault; it surfaces as a configuration error. */
    private static <T> T configured(Supplier<T> sender) {
        try {
            return sender.get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
