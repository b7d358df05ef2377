package com.plmr.mfa.application.port.in;

/** Hands the outbox's due messages to their providers; run periodically by every service instance. */
public interface DispatchDueMessagesUseCase {

    /** @return how many messages were handled in this round */
    int dispatchDue();
}
