package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.adapter.out.notify.dev.DevInbox;
import com.plmr.mfa.adapter.out.notify.dev.DevSinkSender;
import com.plmr.mfa.adapter.out.notify.email.SmtpEmailSender;
import com.plmr.mfa.adapter.out.notify.email.SmtpProperties;
import com.plmr.mfa.adapter.out.notify.sms.TwilioProperties;
import com.plmr.mfa.adapter.out.notify.sms.TwilioSmsSender;
import com.plmr.mfa.adapter.out.notify.sms.WebhookSmsSender;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.domain.delivery.Channel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider selection in a real Micronaut context. */
class NotifyWiringTest {

    @TempDir
    Path dir;

    private Map<String, Object> properties(Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("mfa.notify.dev-sink.file", dir.resolve("sink/dev-sink.log").toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    private static final Object[] TWILIO = {
            "mfa.notify.sms.provider", "twilio",
            "mfa.notify.sms.twilio.account-sid", "AC1",
            "mfa.notify.sms.twilio.auth-token", "token",
            "mfa.notify.sms.twilio.from", "+15005550006"};

    private static final Object[] SMTP = {
            "mfa.notify.email.provider", "smtp",
            "mfa.notify.email.smtp.host", "smtp.example.test",
            "mfa.notify.email.smtp.from", "no-reply@example.test"};

    private static Object[] concat(Object[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
    }

    private ApplicationContext start(Map<String, Object> properties, String... environments) {
        return ApplicationContext.builder().properties(properties).environments(environments)
                .singletons(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)).start();
    }

    private static SendMessagePort senderFor(ApplicationContext context, Channel channel) {
        Collection<SendMessagePort> senders = context.getBeansOfType(SendMessagePort.class);
        assertThat(senders.stream().filter(s -> s.handles(channel))).hasSize(1);
        return senders.stream().filter(s -> s.handles(channel)).findFirst().orElseThrow();
    }

    @Test
    void without_configuration_both_channels_go_to_the_dev_sink_whose_folder_is_created() {
        try (ApplicationContext context = start(properties())) {
            assertThat(senderFor(context, Channel.SMS)).isInstanceOf(DevSinkSender.class);
            assertThat(senderFor(context, Channel.EMAIL)).isInstanceOf(DevSinkSender.class);
            assertThat(context.getBeansOfType(SendMessagePort.class)).hasSize(2);
            assertThat(Files.isDirectory(dir.resolve("sink"))).isTrue();
        }
    }

    @Test
    void the_dev_environment_shows_what_the_dev_sink_receives_in_its_inbox() {
        try (ApplicationContext context = start(properties(), "dev")) {
            DevInbox inbox = context.getBean(DevInbox.class);

            senderFor(context, Channel.SMS).send(TestMessages.sms("en", null));
            senderFor(context, Channel.EMAIL).send(TestMessages.email(TestMessages.EMAIL, "en", null));

            assertThat(inbox.newestFirst(null)).extracting(message -> message.id())
                    .containsExactly("msg-mail-1", "msg-sms-1");
        }
    }

    @Test
    void no_inbox_holds_codes_outside_the_dev_environment() {
        try (ApplicationContext context = start(properties(), "test")) {
            assertThat(senderFor(context, Channel.SMS)).isInstanceOf(DevSinkSender.class);
            assertThat(context.getBeansOfType(DevInbox.class)).isEmpty();
        }
        try (ApplicationContext context = start(properties(concat(TWILIO, SMTP)), "dev", "prod")) {
            assertThat(context.getBeansOfType(DevInbox.class)).isEmpty();
        }
    }

    @Test
    void the_senders_can_be_injected_by_channel_name() {
        try (ApplicationContext context = start(properties(TWILIO))) {
            assertThat(context.getBean(SendMessagePort.class, Qualifiers.byName(NotifyProviders.SMS_BEAN)))
                    .isInstanceOf(TwilioSmsSender.class);
            assertThat(context.getBean(SendMessagePort.class, Qualifiers.byName(NotifyProviders.EMAIL_BEAN)))
                    .isInstanceOf(DevSinkSender.class);
        }
    }

    @Test
    void twilio_is_selected_for_sms_and_reads_its_settings() {
        try (ApplicationContext context = start(properties(concat(TWILIO, new Object[] {
                "mfa.notify.sms.twilio.request-timeout", "750ms"})))) {
            assertThat(senderFor(context, Channel.SMS)).isInstanceOf(TwilioSmsSender.class);
            assertThat(senderFor(context, Channel.EMAIL)).isInstanceOf(DevSinkSender.class);
            TwilioProperties settings = context.getBean(TwilioProperties.class);
            assertThat(settings.baseUrl()).isEqualTo("https://api.twilio.com");
            assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMillis(750));
            assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void the_webhook_is_selected_for_sms() {
        try (ApplicationContext context = start(properties("mfa.notify.sms.provider", "webhook",
                "mfa.notify.sms.webhook.url", "https://sms-gateway.example.test/send"))) {
            assertThat(senderFor(context, Channel.SMS)).isInstanceOf(WebhookSmsSender.class);
        }
    }

    @Test
    void smtp_is_selected_for_email_with_secure_defaults_and_lower_case_starttls_values() {
        try (ApplicationContext context = start(properties(SMTP))) {
            assertThat(senderFor(context, Channel.EMAIL)).isInstanceOf(SmtpEmailSender.class);
            SmtpProperties settings = context.getBean(SmtpProperties.class);
            assertThat(settings.port()).isEqualTo(587);
            assertThat(settings.starttls()).isEqualTo(SmtpProperties.StartTls.REQUIRED);
            assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        }
        try (ApplicationContext context = start(properties(concat(SMTP, new Object[] {
                "mfa.notify.email.smtp.starttls", "optional", "mfa.notify.email.smtp.port", "2525"})))) {
            SmtpProperties settings = context.getBean(SmtpProperties.class);
            assertThat(settings.starttls()).isEqualTo(SmtpProperties.StartTls.OPTIONAL);
            assertThat(settings.port()).isEqualTo(2525);
        }
    }

    @Test
    void the_dev_sink_refuses_to_start_in_prod_even_by_default() {
        assertThatThrownBy(() -> start(properties(), "prod").close())
                .rootCause()
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mfa.notify.sms.provider='dev' (the default)")
                .hasMessageContaining("mfa.notify.email.provider='dev' (the default)")
                .hasMessageContaining("it runs only in the dev and test environments and never with prod (active: [prod, test])");
    }

    @Test
    void the_dev_sink_refuses_to_start_in_production_when_chosen_for_one_channel() {
        assertThatThrownBy(() -> start(properties(concat(TWILIO, new Object[] {"mfa.notify.email.provider", "dev"})),
                "production").close())
                .rootCause()
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mfa.notify.email.provider='dev' selects the development sink")
                .hasMessageNotContaining("mfa.notify.sms.provider");
    }

    @Test
    void prod_starts_with_real_providers_and_no_dev_sink() {
        try (ApplicationContext context = start(properties(concat(TWILIO, SMTP)), "prod")) {
            assertThat(context.getBeansOfType(DevSinkSender.class)).isEmpty();
            assertThat(senderFor(context, Channel.SMS)).isInstanceOf(TwilioSmsSender.class);
            assertThat(senderFor(context, Channel.EMAIL)).isInstanceOf(SmtpEmailSender.class);
        }
    }

    @Test
    void an_unknown_provider_fails_the_start() {
        assertThatThrownBy(() -> start(properties("mfa.notify.sms.provider", "twillio")).close())
                .rootCause()
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mfa.notify.sms.provider='twillio' is unknown, use one of [twilio, webhook, dev]");
    }

    @Test
    void a_missing_provider_setting_fails_the_start_naming_the_key() {
        assertThatThrownBy(() -> start(properties("mfa.notify.sms.provider", "twilio")).close())
                .rootCause()
                .hasMessageContaining("mfa.notify.sms.twilio.account-sid is required");
    }
}
