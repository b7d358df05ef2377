package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;

import java.util.Optional;

/** Keeps what providers report about the messages they accepted. */
public interface RecordReceiptPort {

    /**
     * Records the receipt on the sent message the provider knows as {@code providerMessageId}, if it
     * has none yet: the first final receipt of a message stands, a repeated one changes nothing.
     *
     * @return the message the receipt was recorded on; empty when no sent message has that id or it
     *         already has a receipt
     */
    Optional<Receipted> record(String providerMessageId, DeliveryReceipt receipt);

    /** The message a receipt was recorded on. */
    record Receipted(String messageId, ChallengeId challenge, Channel channel) {
    }
}
