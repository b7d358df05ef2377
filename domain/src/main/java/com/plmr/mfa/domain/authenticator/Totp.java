package com.plmr.mfa.domain.authenticator;

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

    private final TotpParameters parameters;
    private final MacSource macs;

    public Totp(TotpParameters parameters) {
        this(parameters, MacSupply::fresh);
    }

    /** With the HMACs taken from {@code macs}: lets a test count the HMACs a verification costs. */
    Totp(TotpParameters parameters, MacSource macs) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.macs = Objects.requireNonNull(macs, "macs");
    }

    public TotpParameters parameters() {
        return parameters;
    }

    /** The step that contains {@code now}; instants before 1970 round towards the past. */
    public long timeStep(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), parameters.periodSeconds());
    }

    /** When {@code step} begins: the inverse of {@link #timeStep} (RFC 6238 §4.2, T0 = 0). */
    public Instant startOf(long step) {
        return Instant.ofEpochSecond(Math.multiplyExact(step, parameters.periodSeconds()));
    }

    /**
     * How far the step of an accepted code lies from the step of {@code now}: negative when the
     * device clock is behind, positive when it is ahead. Within the window by construction; a
     * steady non-zero offset is the clock drift RFC 6238 §6 asks verifiers to notice.
     */
    public long stepsOff(long step, Instant now) {
        return step - timeStep(now);
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
     * many of its leading digits are right, and so search the digits one at a time.
     *
     * <p>Nothing beyond the window is computed: a wrong code costs the window's {@code 2 × window
     * + 1} HMACs and no more, like a right one, and a code of a step outside the window is a
     * {@link TotpCheck.Rejected} like any wrong code. Searching farther to tell the user that the
     * device clock is off (RFC 6238 §6) would be an oracle: an online guesser who hits the code of
     * a future step learns it, and replays it when that step comes. Drift is seen instead in the
     * steps of accepted codes ({@code step - timeStep(now)}), for operators only. A candidate of
     * the wrong length or with anything but ASCII digits is {@link TotpCheck.Malformed} before any
     * HMAC is computed; the expected format is no secret.
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
            return new TotpCheck.Malformed(java.util.Set.of(parameters.digits()));
        }
        HmacAlgorithm algorithm = parameters.algorithm();
        StepScan scan = new StepScan(OtpMac.keyedWith(macs.fresh(algorithm), secret, algorithm), candidate);
        return scan.check(current, parameters.window(), lastAcceptedStep);
    }
}
