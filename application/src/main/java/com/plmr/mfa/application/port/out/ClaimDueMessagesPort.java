package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import com.plmr.mfa.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Claims the outbox's due messages one at a time, so that a lease covers exactly one send.
 *
 * <p>Several dispatchers (one or more per service instance) claim at once. A claim takes the
 * longest-waiting due message that no other dispatcher holds, counts the attempt and writes its
 * lease ({@code now + lease}), atomically and committed before this method returns; no lock is
 * held while the message is sent. The message becomes due again when the lease runs out without a
 * recorded result: a dispatcher that dies between the provider's acceptance and
 * {@link RecordDeliveryPort} causes a second delivery with the same idempotency key, never a lost
 * message. The lease must therefore outlast one send (the provider's timeouts), or a slow send is
 * repeated by another dispatcher.
 *
 * <p>Only messages this instance can read are claimed: a message stored in a newer format (written
 * by a newer instance during a rolling deploy) is left for an instance that reads it.
 */
public interface ClaimDueMessagesPort {

    /** @return the claimed message, or empty when nothing this instance can read is due */
    Optional<PendingMessage> claimNext(Instant now, Duration lease);

    /**
     * Ends {@code claim}'s lease early: the message is due again at {@code now}, its attempt stays
     * counted. Fenced like a result: nothing changes once the message was claimed again or reached
     * a final status.
     *
     * @return whether the lease was ended
     */
    boolean release(Claim claim, Instant now);

    /**
     * A claimed message. Its content stays sealed until {@link Content#open()}, so a message whose
     * code expired is settled without ever decrypting the code.
     *
     * @param claim     what results are recorded against
     * @param challenge the challenge whose code the message carries; empty for a notice
     * @param user      the user a notice is for; empty for a code message (its challenge names the user)
     * @param channel   SMS or e-mail
     * @param expiresAt when the message's code expires, or the notice goes stale; it is never sent after that
     * @param requestId the id of the request that queued the message, for the log lines of its delivery;
     *                  {@code null} when it was not recorded
     * @param content   the message itself
     */
    record PendingMessage(Claim claim, Optional<ChallengeId> challenge, Optional<UserId> user, Channel channel,
                          Instant expiresAt, String requestId, Content content) {
    }

    /** The sealed content of a claimed message. */
    interface Content {

        /** @throws RuntimeException when the content cannot be read (an unknown key, tampered bytes) */
        OutboundMessage open();
    }

    /**
     * One dispatcher's hold on one message for one attempt. The attempt number fences the result:
     * once a lease ran out and another dispatcher claimed the message (attempt + 1), the older
     * claim can no longer record anything.
     *
     * @param messageId the message
     * @param attempt   hand-overs to providers so far, this one included
     */
    record Claim(String messageId, int attempt) {
    }
}
