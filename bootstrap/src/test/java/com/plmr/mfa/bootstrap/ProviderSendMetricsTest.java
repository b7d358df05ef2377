package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.OtpCode;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each hand-over to a provider is timed under the provider's name and its outcome, on the
 * registry's clock (moved here by hand), and every series exists before the first send.
 */
class ProviderSendMetricsTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final Deque<Supplier<SendOutcome>> script = new ArrayDeque<>();
    private final SendMessagePort sms = new SendMessagePort() {
        @Override
        public boolean handles(Channel channel) {
            return channel == Channel.SMS;
        }

        @Override
        public String provider() {
            return "twilio";
        }

        @Override
        public SendOutcome send(OutboundMessage message) {
            return script.removeFirst().get();
        }
    };
    private final SendMessagePort timed = new ProviderSendMetrics(List.of(sms), registry).timed().get(0);

    @Test
    void every_outcome_of_the_provider_is_registered_before_the_first_send() {
        assertThat(ProviderSendMetrics.OUTCOMES).allSatisfy(outcome -> assertThat(timer(outcome).count()).isZero());
        assertThat(timed.provider()).isEqualTo("twilio");
        assertThat(timed.handles(Channel.SMS)).isTrue();
        assertThat(timed.handles(Channel.EMAIL)).isFalse();
    }

    @Test
    void each_send_is_timed_under_its_outcome() {
        script.add(after(Duration.ofMillis(300), new SendOutcome.Accepted("SM1")));
        script.add(after(Duration.ofSeconds(15), new SendOutcome.TransientFailure("twilio request timeout")));
        script.add(after(Duration.ofMillis(80), new SendOutcome.PermanentFailure("twilio http 400 21211")));

        assertThat(timed.send(message())).isInstanceOf(SendOutcome.Accepted.class);
        timed.send(message());
        timed.send(message());

        assertThat(timer("accepted").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(300);
        assertThat(timer("transient_failure").totalTime(TimeUnit.SECONDS)).isEqualTo(15);
        assertThat(timer("permanent_failure").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(80);
        assertThat(timer("accepted").takeSnapshot().histogramCounts()).as("the 250ms bucket holds nothing, 500ms one")
                .anySatisfy(bucket -> {
                    assertThat(bucket.bucket(TimeUnit.MILLISECONDS)).isEqualTo(500);
                    assertThat(bucket.count()).isEqualTo(1);
                });
    }

    @Test
    void a_sender_that_throws_is_timed_as_an_error_and_the_failure_passes_on() {
        script.add(() -> {
            clock.add(Duration.ofMillis(5));
            throw new IllegalStateException("template sms_xx.txt missing");
        });

        assertThatThrownBy(() -> timed.send(message())).isInstanceOf(IllegalStateException.class);

        assertThat(timer("error").count()).isEqualTo(1);
        assertThat(timer("error").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5);
    }

    private Supplier<SendOutcome> after(Duration took, SendOutcome outcome) {
        return () -> {
            clock.add(took);
            return outcome;
        };
    }

    private Timer timer(String outcome) {
        return registry.get(ProviderSendMetrics.SEND).tag("provider", "twilio").tag("outcome", outcome).timer();
    }

    private static CodeMessage message() {
        return new CodeMessage("m1", "m1", new ChallengeId("ch_1"), new Destination(Channel.SMS, "+4915112345612"),
                Locale.ENGLISH, new OtpCode("123456"), 5, null);
    }
}
