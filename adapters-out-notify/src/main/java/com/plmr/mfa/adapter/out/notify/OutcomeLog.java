package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import org.slf4j.Logger;

/**
 * The one log line per send attempt: message id, channel, provider and outcome. Never the code,
 * never the destination (outcome reasons are built to contain neither).
 */
public final class OutcomeLog {

    private OutcomeLog() {
    }

    /** Logs the outcome and returns it. */
    public static SendOutcome log(Logger log, String provider, OutboundMessage message, SendOutcome outcome) {
        outcome.fold(new SendOutcome.Cases<Void>() {
            @Override
            public Void accepted(SendOutcome.Accepted accepted) {
                log.info("{} message {} accepted by {} as {}", message.channel(), message.messageId(), provider,
                        accepted.providerMessageId());
                return null;
            }

            @Override
            public Void transientFailure(SendOutcome.TransientFailure failure) {
                log.warn("{} message {} not accepted by {}, transient failure: {}", message.channel(),
                        message.messageId(), provider, failure.reason());
                return null;
            }

            @Override
            public Void permanentFailure(SendOutcome.PermanentFailure failure) {
                log.warn("{} message {} not accepted by {}, permanent failure: {}", message.channel(),
                        message.messageId(), provider, failure.reason());
                return null;
            }
        });
        return outcome;
    }
}
