package com.plmr.mfa.adapter.out.notify;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyProviderGuardTest {

    @Test
    void the_dev_sink_is_fine_in_dev_and_test() {
        assertThat(NotifyProviderGuard.problems(null, null, Set.of("test", "dev"))).isEmpty();
        assertThat(NotifyProviderGuard.problems("dev", "dev", Set.of("dev"))).isEmpty();
        assertThat(NotifyProviderGuard.problems("dev", null, Set.of("TEST", "k8s"))).isEmpty();
    }

    @Test
    void the_dev_sink_is_refused_in_any_other_environment_and_with_none() {
        assertThat(NotifyProviderGuard.problems(null, "smtp", Set.of("staging"))).singleElement().asString()
                .contains("it runs only in the dev and test environments and never with prod (active: [staging])");
        assertThat(NotifyProviderGuard.problems("twilio", "dev", Set.of())).singleElement().asString()
                .startsWith("mfa.notify.email.provider='dev' selects the development sink");
    }

    @Test
    void real_providers_are_fine_in_prod() {
        assertThat(NotifyProviderGuard.problems("twilio", "smtp", Set.of("prod"))).isEmpty();
        assertThat(NotifyProviderGuard.problems("webhook", "smtp", Set.of("PRODUCTION", "k8s"))).isEmpty();
    }

    @Test
    void the_dev_sink_is_refused_in_prod_and_production_whatever_the_case() {
        assertThat(NotifyProviderGuard.problems(null, "smtp", Set.of("prod"))).singleElement().asString()
                .startsWith("mfa.notify.sms.provider='dev' (the default) selects the development sink")
                .endsWith("set mfa.notify.sms.provider to one of [twilio, webhook]");
        assertThat(NotifyProviderGuard.problems("twilio", "dev", Set.of("Production"))).singleElement().asString()
                .startsWith("mfa.notify.email.provider='dev' selects")
                .endsWith("set mfa.notify.email.provider to one of [smtp]");
    }

    @Test
    void unknown_providers_are_reported_with_the_allowed_values() {
        assertThat(NotifyProviderGuard.problems("Twilio", "sendgrid", Set.of())).containsExactly(
                "mfa.notify.sms.provider='Twilio' is unknown, use one of [twilio, webhook, dev]",
                "mfa.notify.email.provider='sendgrid' is unknown, use one of [smtp, dev]");
    }
}
