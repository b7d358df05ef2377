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
 * @param issuer      the issuer shown by the app when a request names none
 * @param parameters  the algorithm, digits, period and window of new registrations by default
 * @param maxFailures consecutive wrong codes before a lockout, 1..{@value #NIST_MAX_FAILURES}
 * @param lockout     how long a locked registration refuses codes, positive
 */
public record TotpPolicy(String issuer, TotpParameters parameters, int maxFailures, Duration lockout) {

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
    }

    /** When a registration that reaches the failure limit at {@code now} accepts codes again. */
    Instant lockedUntil(Instant now) {
        return now.plus(lockout);
    }
}
