package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ReadAuditTrailUseCase;
import com.plmr.mfa.application.port.in.Scopes;
import com.plmr.mfa.application.port.out.LoadAuditEventsPort;
import com.plmr.mfa.domain.audit.AuditEvent;
import com.plmr.mfa.domain.user.Actor;

import java.util.List;
import java.util.Optional;

/**
 * Answers a page of the trail. It reads one event more than the page holds: a next position is
 * given only when that event exists, so the last page says it is the last instead of leaving the
 * caller to ask once more for nothing. A read is no decision and is not itself recorded.
 */
public final class ReadAuditTrailService implements ReadAuditTrailUseCase {

    private final LoadAuditEventsPort events;

    public ReadAuditTrailService(LoadAuditEventsPort events) {
        this.events = events;
    }

    @Override
    public Access<Page> read(Actor actor, Query query) {
        if (!actor.isServiceWith(Scopes.AUDIT_READ)) {
            return new Access.Forbidden<>();
        }
        List<AuditEvent> found = events.find(query, query.pageSize() + 1);
        if (found.size() <= query.pageSize()) {
            return Access.granted(new Page(found, Optional.empty()));
        }
        List<AuditEvent> page = found.subList(0, query.pageSize());
        return Access.granted(new Page(page, Optional.of(Position.of(page.get(page.size() - 1)))));
    }
}
