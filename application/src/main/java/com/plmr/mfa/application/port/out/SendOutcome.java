package com.plmr.mfa.application.port.out;

/**
 * What a delivery provider made of a message.
 *
 * <ul>
 *   <li>{@link Accepted}: the provider took the message (SMTP 250, gateway 2xx).</li>
 *   <li>{@link TransientFailure}: worth another try later (timeouts, connection failures,
 *       gateway 5xx or 429, SMTP 4xx).</li>
 *   <li>{@link PermanentFailure}: another try cannot succeed (gateway 4xx, SMTP 5xx, an address
 *       the provider rejects).</li>
 * </ul>
 * Reasons are short, safe for logs and never contain the code or the destination.
 */
public sealed interface SendOutcome {

    /** Applies the case for this variant; adding a variant breaks every caller until it is handled. */
    <R> R fold(Cases<R> cases);

    /** One method per variant: Java 17's compile-time exhaustive match over this sealed type. */
    interface Cases<R> {
        R accepted(Accepted outcome);

        R transientFailure(TransientFailure outcome);

        R permanentFailure(PermanentFailure outcome);
    }

    record Accepted(String providerMessageId) implements SendOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.accepted(this);
        }
    }

    record TransientFailure(String reason) implements SendOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.transientFailure(this);
        }
    }

    record PermanentFailure(String reason) implements SendOutcome {
        @Override
        public <R> R fold(Cases<R> cases) {
            return cases.permanentFailure(this);
        }
    }
}
