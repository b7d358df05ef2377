package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.audit.AuditEvent;

/**
 * Told every audit event once its transaction committed (never for one that was rolled back): the
 * log line and the decision counters. Implementations must not throw; the decision stands.
 */
public interface PublishAuditEventPort {

    void published(AuditEvent event);
}
