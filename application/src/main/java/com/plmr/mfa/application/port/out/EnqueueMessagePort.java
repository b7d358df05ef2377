package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.delivery.CodeMessage;

import java.time.Instant;

/**
 * Puts a message into the transactional outbox. Called inside the transaction that stores the
 * challenge's new code, so either both are stored or neither: a rolled-back initiate leaves no
 * message behind, and a committed one is delivered even if the process dies right after.
 * Implementations keep the message content (code and destination) encrypted at rest.
 */
public interface EnqueueMessagePort {

    void enqueue(CodeMessage message, Instant now, Instant expiresAt);
}
