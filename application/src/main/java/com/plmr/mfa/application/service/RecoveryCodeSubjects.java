package com.plmr.mfa.application.service;

import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.user.UserId;

/** How the audit trail names a user's recovery codes: one set per user, factor id {@value #FACTOR_ID}. */
final class RecoveryCodeSubjects {

    static final String FACTOR_ID = "recovery_codes";

    private RecoveryCodeSubjects() {
    }

    static Subject of(UserId user) {
        return Subject.user(user.value()).withFactor(FACTOR_ID);
    }
}
