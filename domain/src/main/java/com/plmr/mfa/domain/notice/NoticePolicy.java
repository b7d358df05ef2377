package com.plmr.mfa.domain.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * Which decisions the user is told about, and how often a {@linkplain NoticeKind#coalesced()
 * coalesced} kind may reach one user.
 *
 * @param enabled     the kinds that are sent; a disabled kind is recorded in the audit trail only
 * @param coalescing  at most one notice of a coalesced kind per user within this interval,
 *                    1 minute to 1 day
 * @param validity    how long a queued notice may wait for its delivery before it is dropped as stale
 */
public record NoticePolicy(Set<NoticeKind> enabled, Duration coalescing, Duration validity) {

    public NoticePolicy {
        Objects.requireNonNull(enabled, "enabled");
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
        require(coalescing != null && coalescing.compareTo(Duration.ofMinutes(1)) >= 0
                && coalescing.compareTo(Duration.ofDays(1)) <= 0, "coalescing", "1m to 1d");
        require(validity != null && validity.compareTo(Duration.ofMinutes(1)) >= 0
                && validity.compareTo(Duration.ofDays(7)) <= 0, "validity", "1m to 7d");
    }

    /** Every kind, coalesced per hour, valid for a day. */
    public static NoticePolicy defaults() {
        return new NoticePolicy(EnumSet.allOf(NoticeKind.class), Duration.ofHours(1), Duration.ofDays(1));
    }

    public boolean sends(NoticeKind kind) {
        return enabled.contains(kind);
    }

    /** Since when an earlier notice of {@code kind} makes a new one redundant, for a notice at {@code now}. */
    public Instant coalescingSince(Instant now) {
        return now.minus(coalescing);
    }
}
