package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.AppendAuditEventPort;
import com.plmr.mfa.application.port.out.RequestContextPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditEvent;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The audit events appended, in order, and those published after commit. */
final class InMemoryAuditEvents implements AppendAuditEventPort {

    final List<AuditEvent> appended = new ArrayList<>();
    final List<AuditEvent> published = new ArrayList<>();

    @Override
    public void append(AuditEvent event) {
        appended.add(event);
    }

    AuditTrail trail(TransactionPort transactions, Clock clock) {
        return new AuditTrail(this, transactions, List.of(published::add), RequestContextPort.none(), clock,
                new Random(7));
    }

    /** The types and reasons appended, as {@code type} or {@code type/reason}. */
    List<String> decisions() {
        return appended.stream().map(event -> event.type().code()
                + event.reason().map(AuditReason::code).map(reason -> "/" + reason).orElse("")).toList();
    }

    boolean has(AuditType type) {
        return appended.stream().anyMatch(event -> event.type() == type);
    }
}
