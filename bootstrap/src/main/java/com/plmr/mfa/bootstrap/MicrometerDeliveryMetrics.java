package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.DeliveryMetricsPort;
import com.plmr.mfa.application.port.out.OutboundMessage;
import com.plmr.mfa.domain.challenge.DeliveryState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Counts delivery results as {@value #OUTCOMES}{@code {channel, status}} (for example
 * {@code channel="sms", status="retrying"}). Both labels come from closed enums, so the series
 * count is bounded and no label can carry a code or a destination.
 */
@Singleton
class MicrometerDeliveryMetrics implements DeliveryMetricsPort {

    static final String OUTCOMES = "mfa.delivery.outcomes";
    private final MeterRegistry registry;

    MicrometerDeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void recorded(OutboundMessage.Channel channel, DeliveryState.Status status) {
        Counter.builder(OUTCOMES)
                .description("Recorded results of code deliveries to providers")
                .tag("channel", lower(channel))
                .tag("status", lower(status))
                .register(registry)
                .increment();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
