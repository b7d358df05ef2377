package com.plmr.mfa.adapter.out.notify;

/**
 * Told the encoding and the segment count of every SMS text rendered for a send, so that an
 * operator sees how many messages leave GSM-7 or one segment (each segment is billed).
 */
@FunctionalInterface
public interface SmsMeasurements {

    /** For wirings without metrics. */
    SmsMeasurements NONE = count -> { };

    void measured(Gsm7.Count count);
}
