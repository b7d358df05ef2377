package com.plmr.mfa.application.port.in;

import java.util.function.BooleanSupplier;

/** Hands the outbox's due messages to their providers; run periodically by every service instance. */
public interface DispatchDueMessagesUseCase {

    /** @return how many messages were handled in this round */
    default int dispatchDue() {
        return dispatchDue(() -> false);
    }

    /**
     * One round that claims no further message once {@code stopRequested} answers true (a shutdown):
     * the message under way is still sent and its result recorded.
     *
     * @return how many messages were handled in this round
     */
    int dispatchDue(BooleanSupplier stopRequested);

    /**
     * Gives the message whose send is still under way back to the outbox, due at once, for a
     * shutdown that cannot wait for the send any longer: another instance sends it without waiting
     * for the lease to run out. The send may still have reached the provider, so the message may be
     * delivered twice (with the same idempotency key), as after a crash; its attempt stays counted.
     *
     * @return whether a claim was given back
     */
    boolean releaseInFlight();
}
