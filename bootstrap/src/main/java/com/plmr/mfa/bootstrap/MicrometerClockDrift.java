package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.ClockDriftPort;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.factor.TotpRegistrationId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts accepted authenticator-app codes as {@value #ACCEPTED}{@code {offset}}, the code's step
 * minus the service's current step ({@code offset="-1"}, {@code "0"}, {@code "+1"}), and logs one
 * line per code accepted off the current step, naming the registration. The offset is bounded by
 * the TOTP window (at most 10), so the series count is bounded; the registration id is a random
 * identifier and stays out of the labels. Neither the code nor the secret is passed here. Every
 * offset the window allows is registered when the service starts, so each reads 0 before its first code.
 */
@Context
class MicrometerClockDrift implements ClockDriftPort {

    static final String ACCEPTED = "mfa.totp.accepted";
    private static final Logger LOG = LoggerFactory.getLogger(MicrometerClockDrift.class);

    private final MeterRegistry registry;

    MicrometerClockDrift(MeterRegistry registry, TotpPolicy policy) {
        this.registry = registry;
        int window = policy.parameters().window();
        for (int stepsOff = -window; stepsOff <= window; stepsOff++) {
            counter(stepsOff);
        }
    }

    @Override
    public void accepted(TotpRegistrationId registration, long stepsOff) {
        counter(stepsOff).increment();
        if (stepsOff != 0) {
            LOG.info("totp clock drift: registration={} stepsOff={} (the device clock is {})", registration,
                    offset(stepsOff), stepsOff < 0 ? "behind" : "ahead");
        }
    }

    private Counter counter(long stepsOff) {
        return Counter.builder(ACCEPTED)
                .description("Accepted authenticator-app codes by the offset of their time step from the service's")
                .tag("offset", offset(stepsOff))
                .register(registry);
    }

    static String offset(long stepsOff) {
        return stepsOff > 0 ? "+" + stepsOff : Long.toString(stepsOff);
    }
}
