package com.plmr.mfa.domain.totp;

import java.time.Instant;
import java.util.Objects;

/**
 * TOTP, the time-based one-time password of RFC 6238 §4: the HOTP value (RFC 4226) of the time
 * step {@code T = floor((now - T0) / X)}, with {@code T0} the Unix epoch and {@code X} the
 * {@link TotpParameters#period() period}.
 *
 * <p>Steps are 64-bit (RFC 6238 §4.2 requires {@code T} to go beyond 2^32 seconds, i.e. past
 * 2038); every {@link Instant} maps to one, far from overflow. The current time is always a
 * parameter, never read here, and the last accepted step is the caller's state: this class holds
 * nothing but its parameters, is immutable and can be shared between threads.
 */
public final class Totp {

    /** The {@code lastAcceptedStep} of a factor that never had a code accepted. */
    public static final long NEVER = Long.MIN_VALUE;

    /**
     * How many steps beyond each edge of the window are searched to detect a device clock that is
     * off (RFC 6238 §6): five minutes at the default period.
     */
    public static final int DRIFT_STEPS = 10;

    private final TotpParameters parameters;

    public Totp(TotpParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public TotpParameters parameters() {
        return parameters;
    }

    /** The step that contains {@code now}; instants before 1970 round towards the past. */
    public long timeStep(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), parameters.periodSeconds());
    }

    /** The code an authenticator app shows during {@code step}. */
    public String codeAt(TotpSecret secret, long step) {
        return Hotp.generate(secret, step, parameters.algorithm(), parameters.digits());
    }

    /**
     * Checks what the user typed against the codes around {@code now}; see {@link TotpCheck} for
     * the answers and what the caller must do with each.
     *
     * <p>Timing: all the steps of the window are computed and compared, in time independent of the
     * digits, whatever matched first. An early exit, or a comparison that stops at the first wrong
     * digit, would let response times tell an online attacker which step a code belongs to or how
     * many of its leading digits are right, and so search the digits one at a time. The steps
     * beyond the window are computed only when nothing in it matched, which the answer tells
     * anyway, and then all of them. A candidate of the wrong length or with anything but ASCII
     * digits is rejected before any HMAC is computed; the expected format is no secret.
     *
     * @param candidate        the code as typed; surrounding spaces or separators are not removed
     * @param lastAcceptedStep the step of the factor's last accepted code, or {@link #NEVER}
     */
    public TotpCheck verify(
            TotpSecret secret, String candidate, Instant now, long lastAcceptedStep) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(candidate, "candidate");
        long current = timeStep(now);
        if (!StepScan.isWellFormed(candidate, parameters.digits())) {
            return new TotpCheck.Rejected();
        }
        StepScan scan = new StepScan(OtpMac.keyedWith(secret, parameters.algorithm()), candidate);
        return scan.check(current, parameters.window(), lastAcceptedStep, DRIFT_STEPS);
    }
}
