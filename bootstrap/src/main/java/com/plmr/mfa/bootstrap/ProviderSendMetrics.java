package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times every hand-over of a message to its provider as {@value #SEND}{@code {provider, outcome}}:
 * a histogram in seconds with the fixed {@link #BUCKETS}, from which Prometheus computes percentiles
 * across instances. The provider is the sender's fixed name ({@link SendMessagePort#provider()}), the
 * outcome one of {@link #OUTCOMES} ({@code error}: the sender threw). Both are closed sets, so every
 * series is registered when the service starts. The time comes from the registry's monotonic clock.
 * The dispatcher gets the senders from here ({@link #timed()}), so no send goes untimed.
 */
@Context
class ProviderSendMetrics {

    static final String SEND = "mfa.delivery.send";
    static final List<String> OUTCOMES = List.of("accepted", "transient_failure", "permanent_failure", "error");
    /** From a local sink's few milliseconds to past the longest provider request (connect plus request timeout). */
    static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
            Duration.ofSeconds(30)};

    private final List<SendMessagePort> timed;

    ProviderSendMetrics(List<SendMessagePort> senders, MeterRegistry registry) {
        this.timed = senders.stream().<SendMessagePort>map(sender -> new Timed(sender, registry)).toList();
    }

    /** The configured senders, in their order, each timed. */
    List<SendMessagePort> timed() {
        return timed;
    }

    private static final class Timed implements SendMessagePort {

        private static final SendOutcome.Cases<String> OUTCOME = new SendOutcome.Cases<>() {
            @Override
            public String accepted(SendOutcome.Accepted accepted) {
                return OUTCOMES.get(0);
            }

            @Override
            public String transientFailure(SendOutcome.TransientFailure failure) {
                return OUTCOMES.get(1);
            }

            @Override
            public String permanentFailure(SendOutcome.PermanentFailure failure) {
                return OUTCOMES.get(2);
            }
        };

        private final SendMessagePort sender;
        private final MeterRegistry registry;
        private final Map<String, Timer> timers = new LinkedHashMap<>();

        Timed(SendMessagePort sender, MeterRegistry registry) {
            this.sender = sender;
            this.registry = registry;
            for (String outcome : OUTCOMES) {
                timers.put(outcome, Timer.builder(SEND).description("Time to hand a message to its provider")
                        .tag("provider", sender.provider()).tag("outcome", outcome)
                        .serviceLevelObjectives(BUCKETS).register(registry));
            }
        }

        @Override
        public boolean handles(Channel channel) {
            return sender.handles(channel);
        }

        @Override
        public String provider() {
            return sender.provider();
        }

        @Override
        public SendOutcome send(OutboundMessage message) {
            long started = registry.config().clock().monotonicTime();
            String outcome = OUTCOMES.get(3);
            try {
                SendOutcome result = sender.send(message);
                outcome = result.fold(OUTCOME);
                return result;
            } finally {
                timers.get(outcome).record(registry.config().clock().monotonicTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }
}
