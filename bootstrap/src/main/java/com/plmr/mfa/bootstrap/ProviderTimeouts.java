package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.notify.NotifyProviders;
import com.plmr.mfa.adapter.out.notify.email.SmtpProperties;
import com.plmr.mfa.adapter.out.notify.sms.TwilioProperties;
import com.plmr.mfa.adapter.out.notify.sms.WebhookProperties;
import io.micronaut.context.BeanContext;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long one request to the selected providers may take: its connect timeout plus its request
 * (for SMTP: read) timeout. The outbox lease must outlast it, or a slow send outlives its claim and
 * another instance sends the message again. The development sink writes a file and has none.
 */
@Singleton
final class ProviderTimeouts {

    /** One provider's bound, e.g. {@code webhook: connect 5s + request 10s = 15s}. */
    record Request(String provider, Duration connect, Duration request) {
        Duration total() {
            return connect.plus(request);
        }

        @Override
        public String toString() {
            return provider + ": connect " + connect.toSeconds() + "s + request " + request.toSeconds() + "s = "
                    + total().toSeconds() + "s";
        }
    }

    private final Environment environment;
    private final BeanContext beans;

    ProviderTimeouts(Environment environment, BeanContext beans) {
        this.environment = environment;
        this.beans = beans;
    }

    /** The slowest request of the selected providers; empty when only the development sink is selected. */
    Optional<Request> longest() {
        List<Request> requests = new ArrayList<>();
        String sms = environment.getProperty(NotifyProviders.SMS_PROVIDER, String.class).orElse(NotifyProviders.DEV);
        if (NotifyProviders.TWILIO.equals(sms)) {
            TwilioProperties twilio = beans.getBean(TwilioProperties.class);
            requests.add(new Request(NotifyProviders.TWILIO, twilio.connectTimeout(), twilio.requestTimeout()));
        } else if (NotifyProviders.WEBHOOK.equals(sms)) {
            WebhookProperties webhook = beans.getBean(WebhookProperties.class);
            requests.add(new Request(NotifyProviders.WEBHOOK, webhook.connectTimeout(), webhook.requestTimeout()));
        }
        if (NotifyProviders.SMTP.equals(environment.getProperty(NotifyProviders.EMAIL_PROVIDER, String.class).orElse(""))) {
            SmtpProperties smtp = beans.getBean(SmtpProperties.class);
            requests.add(new Request(NotifyProviders.SMTP, smtp.connectTimeout(), smtp.readTimeout()));
        }
        return requests.stream().max(Comparator.comparing(Request::total));
    }
}
