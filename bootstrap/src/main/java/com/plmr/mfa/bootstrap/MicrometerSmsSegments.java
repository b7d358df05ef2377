package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.notify.Gsm7;
import com.plmr.mfa.adapter.out.notify.SmsMeasurements;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measures every SMS rendered for a send as {@value #SEGMENTS}{@code {encoding}}: a histogram of
 * its segments with the buckets 1, 2, 3, 4 and 6, by encoding ({@code gsm7}, {@code ucs2}, a closed
 * set registered at start). {@code _count} by encoding gives the share of UCS-2 messages;
 * {@code _sum} the segments billed.
 */
@Context
class MicrometerSmsSegments implements SmsMeasurements {

    static final String SEGMENTS = "mfa.sms.segments";
    private static final double[] BUCKETS = {1, 2, 3, 4, 6};

    private final Map<Gsm7.Encoding, DistributionSummary> summaries = new EnumMap<>(Gsm7.Encoding.class);

    MicrometerSmsSegments(MeterRegistry registry) {
        for (Gsm7.Encoding encoding : Gsm7.Encoding.values()) {
            summaries.put(encoding, DistributionSummary.builder(SEGMENTS)
                    .description("Segments of each SMS sent, by encoding")
                    .tag("encoding", encoding.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
    }

    @Override
    public void measured(Gsm7.Count count) {
        summaries.get(count.encoding()).record(count.segments());
    }
}
