package com.plmr.mfa.domain.factor;

import com.plmr.mfa.domain.authenticator.TotpParameters;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * The service's authenticator-app policy: what new registrations get unless the request says
 * otherwise, and how wrong codes are throttled.
 *
 * <p>Throttling (RFC 4226 §7.3, NIST SP 800-63B §5.2.2): after {@code maxFailures} consecutive
 * wrong codes a registration refuses every code for {@code lockout}, then the count starts
 * again. {@code maxFailures} is capped at {@value #NIST_MAX_FAILURES}, the most NIST allows; with
 * a 6-digit code and the default window of three steps, ten guesses per five minutes give an
 * online attacker a chance of about 3 in 100,000 per window of lockout.
 *
 * <p>Lockouts escalate: the first lasts {@code lockout}, each further one before a code is accepted
 * twice as long as the one before, up to {@code maxLockout}, so an attacker who waits out each
 * lockout gets ever fewer guesses per hour instead of the same short pause forever.
 *
 * <p>A registration whose app never answered with a right code expires {@code enrolmentTtl} after
 * it was started: its secret was shown once, and a registration nobody finished is a secret lying
 * around for nothing. It can no longer be verified and the purge deletes it.
 *
 * @param issuer       the issuer shown by the app when a request names none
 * @param parameters   the algorithm, digits, period and window of new registrations by default
 * @param maxFailures  consecutive wrong codes before a lockout, 1..{@value #NIST_MAX_FAILURES}
 * @param lockout      how long the first lockout refuses codes, positive, at most a day
 * @param maxLockout   the longest lockout the doubling reaches, at least {@code lockout}, at most a day
 * @param enrolmentTtl how long an unverified registration can be verified, 1 minute to 1 day
 */
public record TotpPolicy(String issuer, TotpParameters parameters, int maxFailures, Duration lockout,
                         Duration maxLockout, Duration enrolmentTtl) {

    /** The default longest lockout, when the first is shorter. */
    public static final Duration DEFAULT_MAX_LOCKOUT = Duration.ofHours(1);
    /** The default lifetime of an unverified registration. */
    public static final Duration DEFAULT_ENROLMENT_TTL = Duration.ofMinutes(10);

    /** NIST SP 800-63B §5.2.2: no more than 100 consecutive failed attempts. */
    public static final int NIST_MAX_FAILURES = 100;
    /** The issuer is shown by authenticator apps as the account's label. */
    public static final int MAX_ISSUER_LENGTH = 64;
    /** A lockout longer than a day locks the owner out more than it slows an attacker. */
    static final Duration MAX_LOCKOUT = Duration.ofDays(1);

    public TotpPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(lockout, "lockout");
        require(!issuer.isBlank() && issuer.length() <= MAX_ISSUER_LENGTH && issuer.indexOf(':') < 0, "issuer",
                "1 to " + MAX_ISSUER_LENGTH + " characters without a colon");
        require(maxFailures >= 1 && maxFailures <= NIST_MAX_FAILURES, "maxFailures",
                "1 to " + NIST_MAX_FAILURES + " (NIST SP 800-63B)");
        require(!lockout.isNegative() && !lockout.isZero() && lockout.compareTo(MAX_LOCKOUT) <= 0, "lockout",
                "more than 0s and at most 1d");
        require(maxLockout != null && maxLockout.compareTo(lockout) >= 0 && maxLockout.compareTo(MAX_LOCKOUT) <= 0,
                "maxLockout", "at least the lockout (" + lockout.toSeconds() + "s) and at most 1d");
        require(enrolmentTtl != null && enrolmentTtl.compareTo(Duration.ofMinutes(1)) >= 0
                && enrolmentTtl.compareTo(Duration.ofDays(1)) <= 0, "enrolmentTtl", "1m to 1d");
    }

    /** A policy with the default escalation (up to an hour, or the lockout when longer) and enrolment lifetime. */
    public TotpPolicy(String issuer, TotpParameters parameters, int maxFailures, Duration lockout) {
        this(issuer, parameters, maxFailures, lockout,
                lockout == null || lockout.compareTo(DEFAULT_MAX_LOCKOUT) > 0 ? lockout : DEFAULT_MAX_LOCKOUT,
                DEFAULT_ENROLMENT_TTL);
    }

    /**
     * When a registration locked for the {@code nth} time in a row (1 for the first) at {@code now}
     * accepts codes again: the lockout doubled {@code nth - 1} times, at most {@code maxLockout}.
     */
    Instant lockedUntil(Instant now, int nth) {
        Duration length = lockout;
        for (int i = 1; i < nth && length.compareTo(maxLockout) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return now.plus(length.compareTo(maxLockout) > 0 ? maxLockout : length);
    }
}
