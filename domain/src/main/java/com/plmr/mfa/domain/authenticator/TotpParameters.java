package com.plmr.mfa.domain.authenticator;

import java.time.Duration;
import java.util.Objects;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * How one authenticator app computes and how this service checks its codes.
 *
 * <p>Invariants: {@code digits} in {@value Hotp#MIN_DIGITS}..{@value Hotp#MAX_DIGITS}; {@code
 * period} a whole number of seconds, at least one (RFC 6238 §4.1 counts time in seconds; the Key
 * URI carries the period as an integer); {@code window} in 0..{@value #MAX_WINDOW}.
 *
 * <p>The algorithm, digits and period are shared with the app through the Key URI. The window is
 * the verifier's own policy: how many steps before and after the current one are accepted, to
 * absorb clock drift and the time the user takes to type (RFC 6238 §5.2, §6). RFC 6238 §5.2
 * recommends at most one step of network delay, hence the default; every extra step widens what
 * an online guess can hit, which is why the window is capped.
 *
 * @param algorithm the HMAC function (RFC 6238 §1.2)
 * @param digits    the code length (RFC 4226 §5.3)
 * @param period    the time step X (RFC 6238 §4.1), 30 s by default
 * @param window    the steps accepted on either side of the current one, 1 by default
 */
public record TotpParameters(HmacAlgorithm algorithm, int digits, Duration period, int window) {

    /** The widest window allowed: five minutes either side at the default period. */
    public static final int MAX_WINDOW = 10;

    private static final TotpParameters DEFAULTS =
            new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), 1);

    public TotpParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(period, "period");
        Hotp.requireDigits(digits);
        require(period.getSeconds() >= 1 && period.getNano() == 0, "period", "a whole number of seconds, at least 1s");
        require(window >= 0 && window <= MAX_WINDOW, "window", "0 to " + MAX_WINDOW);
    }

    /**
     * SHA1, 6 digits, 30 seconds, one step either side: the values every authenticator app
     * supports, several of which ignore the Key URI's other settings.
     */
    public static TotpParameters defaults() {
        return DEFAULTS;
    }

    /** The period in whole seconds. */
    public long periodSeconds() {
        return period.getSeconds();
    }
}
