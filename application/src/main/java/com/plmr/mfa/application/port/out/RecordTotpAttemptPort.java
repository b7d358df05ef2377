package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.factor.TotpRegistration;

/** Stores what a code attempt changed on a registration. */
public interface RecordTotpAttemptPort {

    /**
     * Stores an accepted registration only if its {@code lastAcceptedStep} is later than the one
     * stored, in one atomic compare-and-set ({@code ... WHERE last_accepted_step IS NULL OR
     * last_accepted_step < ?}). This is the replay guard of RFC 6238 §5.2 across service
     * instances: of two requests with the same code, exactly one gets {@code true}.
     *
     * @return whether the step was advanced; {@code false} means another request used the step first
     */
    boolean advanceAcceptedStep(TotpRegistration accepted);

    /**
     * Stores the failure count and lockout of a registration read locked ({@link
     * LoadTotpRegistrationsPort#lockedRegistrationOf}, {@link LockChallengeForVerifyPort}): one
     * update, no read, which may be sent with the transaction's other updates ({@link
     * TransactionPort#combiningUpdates}).
     */
    void recordFailures(TotpRegistration failed);
}
