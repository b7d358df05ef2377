package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.ProviderCallback;

import java.time.Instant;

/**
 * Reads one provider's status callbacks: checks the signature with the provider's secret, by the
 * provider's documented algorithm, before anything in the callback is believed, then reads the
 * message's id and status. The adapter of the configured SMS provider implements it.
 */
public interface ReadReceiptPort {

    /** The provider whose callbacks this reads ({@code twilio}, {@code webhook}): the callback's endpoint. */
    String provider();

    /** What the callback says, or why it is not believed. */
    Reading read(ProviderCallback callback, Instant now);

    /** What came of reading a callback. */
    sealed interface Reading {

        /** Applies the case for this variant; adding a variant breaks every caller until it is handled. */
        <R> R fold(Cases<R> cases);
    }

    /** One method per variant: Java 17's compile-time exhaustive match over {@link Reading}. */
    interface Cases<R> {
        R unsigned();

        R wronglySigned();

        R malformed();

        R notFinal();

        R status(Final status);
    }

    /** No signature came with the callback. */
    record Unsigned() implements Reading {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.unsigned();
        }
    }

    /** The signature does not match (another secret, an altered body, a replayed old one). */
    record WronglySigned() implements Reading {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.wronglySigned();
        }
    }

    /** Signed, but not a status callback this service understands. */
    record Malformed() implements Reading {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.malformed();
        }
    }

    /** Signed and understood, but an intermediate status (queued, sending, sent): nothing to record. */
    record NotFinal() implements Reading {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.notFinal();
        }
    }

    /**
     * A final status.
     *
     * @param providerMessageId the provider's id of the message, as it answered the send
     */
    record Final(String providerMessageId, DeliveryReceipt.Outcome outcome, String errorCode) implements Reading {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.status(this);
        }
    }
}
