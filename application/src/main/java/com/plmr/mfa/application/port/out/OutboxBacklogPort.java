package com.plmr.mfa.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * How far the outbox is behind, for operators: how many messages are due and since when the
 * longest-waiting one has been due. A plain read of the due index that locks nothing, so it never
 * delays a claim or an enqueue, and that stops counting at a limit, so its cost is bounded however
 * long the backlog grows.
 */
public interface OutboxBacklogPort {

    /**
     * @param now   a message is due when its next attempt is at or before it; a claimed message is
     *              not (its next attempt is the end of its lease), nor a finished one (it has none)
     * @param limit the most due messages counted
     */
    DueMessages due(Instant now, int limit);

    /**
     * @param count  the due messages, at most the limit
     * @param oldest the earliest next attempt of a due message, if any is due
     */
    record DueMessages(int count, Optional<Instant> oldest) {
    }
}
