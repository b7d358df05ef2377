package com.plmr.mfa.domain.abuse;

import com.plmr.mfa.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * The limits that hold across challenges, where the per-challenge budget (sends, attempts) cannot
 * help: an attacker simply creates more challenges.
 * <ul>
 * <li>Sends per destination per hour and per day stop SMS pumping (toll fraud through premium
 * numbers) and message bombing of one phone or mailbox (Twilio Verify fraud guard).</li>
 * <li>Sends per user per hour stop one account from fanning out over its changing contacts.</li>
 * <li>Sends per number range per hour (a phone number without its last three digits, a block of
 * 1,000 numbers) stop SMS pumping that rotates numbers inside one range, each number staying under
 * its own limit (the pattern Twilio's fraud guard and Stytch describe).</li>
 * <li>Consecutive verify failures per user, across challenges and methods, reset by a success:
 * NIST SP 800-63B §5.2.2 asks for at most 100 consecutive failures per account. Once
 * {@code maxConsecutiveFailures} (at most 100) is reached, every further verify is refused for
 * {@code failureCooldown}; each failure beyond the maximum doubles the cool-down up to
 * {@code maxFailureCooldown}, so the guesses after the maximum shrink to a handful per day while a
 * legitimate user is never locked out for good (the complaint of zitadel#6502).</li>
 * </ul>
 * Send windows are fixed UTC windows (see {@link SendQuota}).
 */
public record AbusePolicy(Limit destinationPerHour, Limit destinationPerDay, Limit userPerHour,
                          Limit rangePerHour, int maxConsecutiveFailures, Duration failureCooldown, Duration maxFailureCooldown) {

    /** NIST SP 800-63B §5.2.2. */
    public static final int NIST_MAX_CONSECUTIVE_FAILURES = 100;
    /** The first pause after the maximum of failures in a row is at most a day... */
    static final Duration MAX_FAILURE_COOLDOWN = Duration.ofDays(1);
    /** ...and the doubled pauses stop growing at 30 days, so a user is never locked out for good. */
    static final Duration MAX_MAX_FAILURE_COOLDOWN = Duration.ofDays(30);

    public AbusePolicy {
        Objects.requireNonNull(destinationPerHour, "destinationPerHour");
        Objects.requireNonNull(destinationPerDay, "destinationPerDay");
        Objects.requireNonNull(userPerHour, "userPerHour");
        Objects.requireNonNull(rangePerHour, "rangePerHour");
        Objects.requireNonNull(failureCooldown, "failureCooldown");
        Objects.requireNonNull(maxFailureCooldown, "maxFailureCooldown");
        require(maxConsecutiveFailures >= 1 && maxConsecutiveFailures <= NIST_MAX_CONSECUTIVE_FAILURES,
                "maxConsecutiveFailures", "1 to 100 (NIST SP 800-63B)");
        require(!failureCooldown.isNegative() && !failureCooldown.isZero()
                && failureCooldown.compareTo(MAX_FAILURE_COOLDOWN) <= 0, "failureCooldown", "more than 0s and at most 1d");
        require(maxFailureCooldown.compareTo(failureCooldown) >= 0
                && maxFailureCooldown.compareTo(MAX_MAX_FAILURE_COOLDOWN) <= 0, "maxFailureCooldown",
                "at least the failure cool-down (" + failureCooldown.toSeconds() + "s) and at most 30d");
    }

    /**
     * 10 sends per hour and 20 per day per destination, 20 per hour per user, 30 per hour per number
     * range, 20 failures then 15 min to 24 h.
     */
    public static AbusePolicy defaults() {
        return new AbusePolicy(new Limit(10, Duration.ofHours(1)), new Limit(20, Duration.ofDays(1)),
                new Limit(20, Duration.ofHours(1)), new Limit(30, Duration.ofHours(1)), 20, Duration.ofMinutes(15), Duration.ofHours(24));
    }

    /**
     * The quotas one send draws on, in the windows that contain {@code now}.
     *
     * @param destination a keyed pseudonym of the phone number or e-mail address, never the value
     * @param range       a keyed pseudonym of the phone number's range ({@code Destination#numberRange}),
     *                    empty for an e-mail address
     */
    public List<SendQuota> sendQuotas(UserId user, String destination, Optional<String> range, Instant now) {
        List<SendQuota> quotas = new ArrayList<>(List.of(SendQuota.of("d:" + destination, destinationPerHour, now),
                SendQuota.of("d:" + destination, destinationPerDay, now),
                SendQuota.of("u:" + user.value(), userPerHour, now)));
        range.ifPresent(block -> quotas.add(SendQuota.of("r:" + block, rangePerHour, now)));
        return List.copyOf(quotas);
    }

    /** How long verifies are refused after the {@code consecutiveFailures}-th failure in a row. */
    public Duration lockFor(int consecutiveFailures) {
        if (consecutiveFailures < maxConsecutiveFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - maxConsecutiveFailures, 20);
        Duration lock = failureCooldown.multipliedBy(1L << doublings);
        return lock.compareTo(maxFailureCooldown) > 0 ? maxFailureCooldown : lock;
    }

    /**
     * At most {@code max} events per fixed window of length {@code window}. Windows start at
     * multiples of their length since the epoch, so a window must divide a day (1 h, 15 min, 1 d).
     */
    public record Limit(int max, Duration window) {
        /** More sends than any person needs in a window; a larger quota is no quota. */
        public static final int MAX = 1000;

        public Limit {
            Objects.requireNonNull(window, "window");
            require(max >= 1 && max <= MAX, "max", "1 to " + MAX);
            long seconds = window.toSeconds();
            require(seconds >= 1 && Duration.ofDays(1).toSeconds() % seconds == 0
                    && window.toNanos() % 1_000_000_000L == 0, "window", "whole seconds that divide a day, e.g. 1h or 1d");
        }
    }
}
