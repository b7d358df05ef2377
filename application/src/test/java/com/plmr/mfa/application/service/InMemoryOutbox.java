package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.ClaimDueMessagesPort;
import com.plmr.mfa.application.port.out.DeliveryMetricsPort;
import com.plmr.mfa.application.port.out.RecordDeliveryPort;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import com.plmr.mfa.domain.delivery.DeliveryState.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake of the outbox's claim and record ports that behaves like the table: a claim takes the
 * longest-waiting due row, counts the attempt and leases it; a record is fenced by the attempt.
 * It also keeps the order of claims, opens and records, and the metrics counted.
 */
final class InMemoryOutbox implements ClaimDueMessagesPort, RecordDeliveryPort, DeliveryMetricsPort {

    /** One outbox row; {@code nextAttemptAt} is {@code null} once the row is final. */
    static final class Row {
        final CodeMessage message;
        final Instant expiresAt;
        Status status = Status.QUEUED;
        int attempts;
        Instant nextAttemptAt;
        String detail;
        String requestId;
        RuntimeException unreadable;

        Row(CodeMessage message, Instant createdAt, Instant expiresAt) {
            this.message = message;
            this.nextAttemptAt = createdAt;
            this.expiresAt = expiresAt;
        }
    }

    final Map<String, Row> rows = new LinkedHashMap<>();
    final List<String> events = new ArrayList<>();
    final List<String> counted = new ArrayList<>();
    final List<Duration> leases = new ArrayList<>();

    Row add(CodeMessage message, Instant createdAt, Instant expiresAt) {
        Row row = new Row(message, createdAt, expiresAt);
        rows.put(message.messageId(), row);
        return row;
    }

    Row row(String messageId) {
        return rows.get(messageId);
    }

    @Override
    public Optional<PendingMessage> claimNext(Instant now, Duration lease) {
        Optional<Row> due = rows.values().stream()
                .filter(row -> row.nextAttemptAt != null && !row.nextAttemptAt.isAfter(now))
                .min(Comparator.comparing((Row row) -> row.nextAttemptAt));
        due.ifPresent(row -> {
            row.attempts++;
            row.nextAttemptAt = now.plus(lease);
            leases.add(lease);
            events.add("claim " + row.message.messageId());
        });
        return due.map(row -> new PendingMessage(new Claim(row.message.messageId(), row.attempts),
                Optional.of(new ChallengeId("ch_" + row.message.messageId())), Optional.empty(),
                row.message.channel(), row.expiresAt, row.requestId, () -> open(row)));
    }

    @Override
    public boolean release(Claim claim, Instant now) {
        Row row = rows.get(claim.messageId());
        if (row.attempts != claim.attempt() || row.nextAttemptAt == null) {
            return false;
        }
        row.nextAttemptAt = now;
        events.add("release " + claim.messageId());
        return true;
    }

    private OutboundMessage open(Row row) {
        events.add("open " + row.message.messageId());
        if (row.unreadable != null) {
            throw row.unreadable;
        }
        return row.message;
    }

    @Override
    public boolean record(Claim claim, Status status, String detail, Instant nextAttemptAt, Instant now) {
        Row row = rows.get(claim.messageId());
        if (row.attempts != claim.attempt() || row.nextAttemptAt == null) {
            events.add("late " + claim.messageId());
            return false;
        }
        row.status = status;
        row.detail = detail;
        row.nextAttemptAt = status == Status.RETRYING ? nextAttemptAt : null;
        events.add("record " + claim.messageId() + " " + status);
        return true;
    }

    @Override
    public void recorded(Channel channel, Status status) {
        counted.add(channel + " " + status);
    }
}
