package com.plmr.mfa.application.port.out;

import com.plmr.mfa.application.port.in.ReadAuditTrailUseCase.Query;
import com.plmr.mfa.domain.audit.AuditEvent;

import java.util.List;

/** Reads stored audit events in (time, id) order. */
public interface LoadAuditEventsPort {

    /** The first {@code limit} events that match {@code query}, after its position if it has one. */
    List<AuditEvent> find(Query query, int limit);
}
