package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.DeliveryMetricsPort;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.DeliveryState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Counts delivery results as {@value #OUTCOMES}{@code {channel, status}} (for example
 * {@code channel="sms", status="retrying"}). Both labels come from closed enums, so the series
 * count is bounded and no label can carry a code or a destination; every series is registered when
 * the service starts, so each reads 0 before its first result.
 */
@Context
class MicrometerDeliveryMetrics implements DeliveryMetricsPort {

    static final String OUTCOMES = "mfa.delivery.outcomes";
    /** The statuses a delivery attempt is recorded with: every one but the initial {@code QUEUED}. */
    static final Set<DeliveryState.Status> RESULTS = EnumSet.complementOf(EnumSet.of(DeliveryState.Status.QUEUED));
    private final MeterRegistry registry;

    MicrometerDeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            RESULTS.forEach(status -> counter(channel, status));
        }
    }

    @Override
    public void recorded(Channel channel, DeliveryState.Status status) {
        counter(channel, status).increment();
    }

    private Counter counter(Channel channel, DeliveryState.Status status) {
        return Counter.builder(OUTCOMES)
                .description("Recorded results of code deliveries to providers")
                .tag("channel", lower(channel))
                .tag("status", lower(status))
                .register(registry);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
