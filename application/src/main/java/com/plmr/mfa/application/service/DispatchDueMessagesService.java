package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.application.port.out.ClaimDueMessagesPort;
import com.plmr.mfa.application.port.out.ClaimDueMessagesPort.PendingMessage;
import com.plmr.mfa.application.port.out.DeliveryMetricsPort;
import com.plmr.mfa.application.port.out.DeliveryState.Status;
import com.plmr.mfa.application.port.out.OutboundMessage;
import com.plmr.mfa.application.port.out.RecordDeliveryPort;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.application.port.out.TransactionPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Dispatches the outbox: claims due messages in a short transaction, sends them outside of it,
 * and records each result. Transient failures retry with exponential backoff with equal jitter
 * (half of min(cap, base * 2^(attempt-1)) fixed, half random) until the attempt limit; permanent failures stop at once; a
 * message whose code expired before it could be sent is never sent.
 */
public final class DispatchDueMessagesService implements DispatchDueMessagesUseCase {

    /**
     * How the dispatcher retries: batch size, claim lease, attempt limit and backoff bounds.
     *
     * <p>The lease must outlast a send (the providers' timeouts): a lease that runs out while the
     * provider is still answering makes a second dispatcher send the message again. A dead
     * dispatcher's messages are sent again once their lease ran out, with the same idempotency key.
     */
    public record RetryPolicy(int batchSize, Duration lease, int maxAttempts, Duration baseDelay, Duration maxDelay) {

        public RetryPolicy {
            if (batchSize < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("batch size and attempt limit must be positive");
            }
            if (!isPositive(lease) || !isPositive(baseDelay) || !isPositive(maxDelay)) {
                throw new IllegalArgumentException("lease and delays must be positive");
            }
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("the maximum delay must not be below the base delay");
            }
        }

        public static RetryPolicy defaults() {
            return new RetryPolicy(20, Duration.ofSeconds(30), 5, Duration.ofSeconds(2), Duration.ofSeconds(60));
        }

        private static boolean isPositive(Duration duration) {
            return duration != null && !duration.isNegative() && !duration.isZero();
        }
    }

    private final ClaimDueMessagesPort claims;
    private final RecordDeliveryPort records;
    private final List<SendMessagePort> senders;
    private final TransactionPort transactions;
    private final RetryPolicy policy;
    private final DeliveryMetricsPort metrics;
    private final RandomGenerator random;
    private final Clock clock;

    public DispatchDueMessagesService(ClaimDueMessagesPort claims, RecordDeliveryPort records,
                                      List<SendMessagePort> senders, TransactionPort transactions,
                                      RetryPolicy policy, DeliveryMetricsPort metrics, RandomGenerator random,
                                      Clock clock) {
        this.claims = claims;
        this.records = records;
        this.metrics = metrics;
        this.senders = List.copyOf(senders);
        this.transactions = transactions;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public int dispatchDue() {
        List<PendingMessage> due = transactions.inTransaction(
                () -> claims.claimDue(clock.instant(), policy.batchSize(), policy.lease()));
        due.forEach(this::deliver);
        return due.size();
    }

    private void deliver(PendingMessage pending) {
        OutboundMessage message = pending.message();
        if (!clock.instant().isBefore(pending.expiresAt())) {
            record(message, Status.EXPIRED, "code expired before delivery", null, clock.instant());
            return;
        }
        SendOutcome outcome = senderFor(message.channel()).send(message);
        Instant now = clock.instant();
        if (outcome instanceof SendOutcome.Accepted accepted) {
            record(message, Status.SENT, accepted.providerMessageId(), null, now);
        } else if (outcome instanceof SendOutcome.PermanentFailure failure) {
            record(message, Status.FAILED, failure.reason(), null, now);
        } else if (outcome instanceof SendOutcome.TransientFailure failure) {
            boolean exhausted = pending.attempt() >= policy.maxAttempts();
            record(message, exhausted ? Status.FAILED : Status.RETRYING, failure.reason(),
                    exhausted ? null : now.plus(backoff(pending.attempt())), now);
        }
    }

    private void record(OutboundMessage message, Status status, String detail, Instant nextAttemptAt, Instant now) {
        records.record(message.messageId(), status, detail, nextAttemptAt, now);
        metrics.recorded(message.channel(), status);
    }

    private SendMessagePort senderFor(OutboundMessage.Channel channel) {
        return senders.stream().filter(sender -> sender.handles(channel)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sender configured for " + channel));
    }

    Duration backoff(int attempt) {
        long cap = Math.min(policy.maxDelay().toMillis(),
                policy.baseDelay().toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap / 2 + random.nextLong(cap / 2 + 1));
    }
}
