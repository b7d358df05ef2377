package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.factor.TotpRegistrationId;

/**
 * Tells operators how far the clocks of authenticator apps are off (RFC 6238 §6): told the step
 * offset of every accepted app code, on enrolment and on challenges. A registration whose codes
 * keep landing at an edge of the window has a device clock that is drifting out of it; its owner
 * can be told to set the clock automatically before its codes are refused.
 *
 * <p>Never part of an answer: telling a caller that a refused code belongs to another time is an
 * oracle for future codes. Codes outside the window are not looked for at all (a wrong code costs
 * only the window's HMACs), so only accepted codes are told. Implementations must not fail the
 * verify: this is best effort, the registration row is the record of truth.
 */
public interface ClockDriftPort {

    /**
     * @param registration the registration whose code was accepted (an opaque random id, no secret)
     * @param stepsOff     the code's step minus the service's current step: negative when the
     *                     device clock is behind, positive when ahead; within the window
     */
    void accepted(TotpRegistrationId registration, long stepsOff);

    /** For wirings without metrics. */
    ClockDriftPort NONE = (registration, stepsOff) -> { };
}
