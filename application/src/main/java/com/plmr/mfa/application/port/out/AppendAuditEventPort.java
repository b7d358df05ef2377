package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.audit.AuditEvent;

/**
 * Stores an audit event in the caller's transaction, so the event and the decision it records are
 * committed together or not at all. Append-only: there is no way to change a stored event; only the
 * retention purge and a user's erasure remove events.
 */
public interface AppendAuditEventPort {

    void append(AuditEvent event);
}
