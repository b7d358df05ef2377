package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.DeliveryState;

/**
 * Counts what became of delivery attempts, for operators: one count per recorded result, by
 * channel and status ({@code SENT}, {@code RETRYING}, {@code FAILED}, {@code EXPIRED}). A rising
 * share of retries or failures is the signal that a provider is degraded or misconfigured.
 *
 * <p>Implementations must not fail the dispatch: metrics are best effort, the outbox row is the
 * record of truth. Nothing identifying (code, destination, message id) is passed, so no metric
 * label can leak it.
 */
public interface DeliveryMetricsPort {

    void recorded(Channel channel, DeliveryState.Status status);

    /** For wirings without metrics. */
    DeliveryMetricsPort NONE = (channel, status) -> { };
}
