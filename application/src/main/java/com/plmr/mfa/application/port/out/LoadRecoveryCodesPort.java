package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.recovery.RecoveryCodeSummary;
import com.plmr.mfa.domain.user.UserId;

import java.util.Optional;

/** What may be told about a user's recovery codes; the hashes stay in the store. */
public interface LoadRecoveryCodesPort {

    /** The state of the user's set, or empty when the user has none. */
    Optional<RecoveryCodeSummary> summaryOf(UserId user);
}
