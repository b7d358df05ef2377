package com.plmr.mfa.domain.authenticator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Compares one candidate code with the codes of a range of time steps, all computed by one keyed
 * {@link OtpMac}, and turns the matches into a {@link TotpCheck}.
 *
 * <p>Every step of a range is computed and compared, whatever matched before it, and each
 * comparison runs in time independent of the content ({@link MessageDigest#isEqual}): see
 * {@link Totp#verify} for why. Confined to one thread, like the {@code OtpMac} it holds.
 */
final class StepScan {

    private static final long NO_STEP = Long.MIN_VALUE;
    private static final TotpCheck REJECTED = new TotpCheck.Rejected();

    private final OtpMac mac;
    private final byte[] candidate;
    private final byte[] expected;

    StepScan(OtpMac mac, String wellFormedCandidate) {
        this.mac = mac;
        this.candidate = wellFormedCandidate.getBytes(StandardCharsets.US_ASCII);
        this.expected = new byte[candidate.length];
    }

    /** Whether {@code candidate} has exactly {@code digits} characters, all ASCII digits. */
    static boolean isWellFormed(String candidate, int digits) {
        if (candidate.length() != digits) {
            return false;
        }
        for (int i = 0; i < digits; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Scans {@code current ± window}, and nothing beyond it: a wrong code costs exactly the HMACs
     * of the window, as a right one does, and a code of a step outside the window is refused like
     * any wrong code, so no answer tells that it will be (or was) valid at another time.
     *
     * <p>Prefers the earliest step not yet used: should a code happen to be valid for two steps,
     * accepting the earlier one keeps the later codes usable.
     */
    TotpCheck check(long current, int window, long lastAccepted) {
        long fresh = NO_STEP;
        long replayed = NO_STEP;
        for (long step = current - window; step <= current + window; step++) {
            boolean match = matches(step);
            if (match && step > lastAccepted && fresh == NO_STEP) {
                fresh = step;
            }
            if (match && step <= lastAccepted) {
                replayed = step;
            }
        }
        if (fresh != NO_STEP) {
            return new TotpCheck.Accepted(fresh);
        }
        return replayed != NO_STEP ? new TotpCheck.Replayed(replayed) : REJECTED;
    }

    private boolean matches(long step) {
        mac.writeCode(step, expected);
        return MessageDigest.isEqual(expected, candidate);
    }
}
