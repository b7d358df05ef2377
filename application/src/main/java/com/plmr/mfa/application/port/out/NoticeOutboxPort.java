package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.delivery.NoticeMessage;
import com.plmr.mfa.domain.notice.NoticeKind;
import com.plmr.mfa.domain.user.UserId;

import java.time.Instant;

/**
 * Puts notices to users into the transactional outbox, beside the code messages, and tells which
 * notices a user was sent lately. Called inside the transaction of the decision the notice follows:
 * a rolled-back decision leaves no notice behind. The content (destination) is sealed at rest like
 * a code message's, and the notice is erased with the user's other data.
 */
public interface NoticeOutboxPort {

    void enqueue(UserId user, NoticeMessage notice, Instant now, Instant expiresAt);

    /** Whether a notice of {@code kind} was queued for {@code user} at or after {@code since}. */
    boolean queuedSince(UserId user, NoticeKind kind, Instant since);
}
