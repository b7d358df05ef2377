package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.application.port.out.ClaimDueMessagesPort.Claim;
import com.plmr.mfa.application.port.out.ClaimDueMessagesPort.PendingMessage;
import com.plmr.mfa.application.port.out.ClaimDueMessagesPort;
import com.plmr.mfa.application.port.out.DeliveryMetricsPort;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.RecordDeliveryPort;
import com.plmr.mfa.application.port.out.RequestContextPort;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditActor;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import com.plmr.mfa.domain.delivery.DeliveryState.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * Dispatches the outbox one message at a time: claims it (a committed lease for this one send),
 * sends it with no lock held, and records the result against the claim. Transient failures retry
 * with exponential backoff with equal jitter (half of min(cap, base * 2^(attempt-1)) fixed, half
 * random) for as long as the code is valid, bounded by the attempt limit; permanent failures stop at
 * once; a message whose code expired before it could be sent is never sent. A failure of one message (content that cannot be opened,
 * a template or a sender that throws) is recorded as a transient failure of that message and the
 * round goes on with the next one. Each message is delivered within the context of the request that
 * queued it, so the lines logged while it is sent carry that request's id. Each recorded result is
 * an audit event of the message's challenge and user, in the transaction that records the result; a
 * result that was not recorded (an overtaken claim) is no event either.
 */
public final class DispatchDueMessagesService implements DispatchDueMessagesUseCase {

    /**
     * How the dispatcher retries: messages per round, lease per message, attempt limit and
     * backoff bounds.
     *
     * <p>The lease must outlast one send (the provider's timeouts): a lease that runs out while the
     * provider is still answering makes a second dispatcher send the message again. A dead
     * dispatcher's message is sent again once its lease ran out, with the same idempotency key.
     */
    public record RetryPolicy(int batchSize, Duration lease, int maxAttempts, Duration baseDelay, Duration maxDelay) {

        public RetryPolicy {
            require(batchSize >= 1 && batchSize <= 1000, "batchSize", "1 to 1000");
            require(isPositive(lease), "lease", "more than 0s");
            require(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts", "1 to 100");
            require(isPositive(baseDelay), "baseDelay", "more than 0s");
            require(isPositive(maxDelay) && maxDelay.compareTo(baseDelay) >= 0, "maxDelay",
                    "at least the base delay (" + baseDelay.toMillis() + "ms)");
        }

        public static RetryPolicy defaults() {
            return new RetryPolicy(20, Duration.ofSeconds(30), 20, Duration.ofSeconds(2), Duration.ofSeconds(60));
        }

        private static boolean isPositive(Duration duration) {
            return duration != null && !duration.isNegative() && !duration.isZero();
        }
    }

    private final ClaimDueMessagesPort claims;
    private final RecordDeliveryPort records;
    private final Map<Channel, SendMessagePort> senders;
    private final RetryPolicy policy;
    private final DeliveryMetricsPort metrics;
    private final RandomGenerator random;
    private final Clock clock;
    private final RequestContextPort requests;
    private final LoadChallengePort challenges;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    /** The claim whose message is being delivered right now, if any (one round runs at a time). */
    private final AtomicReference<Claim> inFlight = new AtomicReference<>();

    public DispatchDueMessagesService(ClaimDueMessagesPort claims, RecordDeliveryPort records,
                                      List<SendMessagePort> senders, RetryPolicy policy, DeliveryMetricsPort metrics,
                                      RandomGenerator random, Clock clock, RequestContextPort requests,
                                      LoadChallengePort challenges, TransactionPort transactions, AuditTrail audit) {
        this.challenges = challenges;
        this.transactions = transactions;
        this.audit = audit;
        this.claims = claims;
        this.records = records;
        this.metrics = metrics;
        this.senders = byChannel(senders);
        this.policy = policy;
        this.random = random;
        this.clock = clock;
        this.requests = requests;
    }

    /** @return how many messages were claimed in this round, at most the batch size */
    @Override
    public int dispatchDue(BooleanSupplier stopRequested) {
        int handled = 0;
        while (handled < policy.batchSize() && !stopRequested.getAsBoolean()) {
            Optional<PendingMessage> next = claims.claimNext(clock.instant(), policy.lease());
            if (next.isEmpty()) {
                break;
            }
            PendingMessage pending = next.get();
            inFlight.set(pending.claim());
            try {
                requests.within(pending.requestId(), () -> deliver(pending));
            } finally {
                inFlight.compareAndSet(pending.claim(), null);
            }
            handled++;
        }
        return handled;
    }

    @Override
    public boolean releaseInFlight() {
        Claim claim = inFlight.get();
        return claim != null && claims.release(claim, clock.instant());
    }

    private void deliver(PendingMessage pending) {
        if (!clock.instant().isBefore(pending.expiresAt())) {
            record(pending, new Result(Status.EXPIRED, "code expired before delivery", null), null);
            return;
        }
        AtomicReference<String> destination = new AtomicReference<>();
        SendOutcome outcome = send(pending, destination);
        record(pending, resultOf(outcome, pending.claim().attempt(), clock.instant(), pending.expiresAt()),
                destination.get());
    }

    /**
     * Whatever goes wrong with this one message becomes its transient failure, never the round's.
     * Sets {@code masked} to the masked destination once the message is open. The message goes to
     * the sender of its channel, and the sender checks no channel again.
     */
    private SendOutcome send(PendingMessage pending, AtomicReference<String> masked) {
        try {
            OutboundMessage message = pending.content().open();
            masked.set(message.to().masked());
            return senderFor(message.channel()).send(message);
        } catch (RuntimeException e) {
            return new SendOutcome.TransientFailure("dispatch error (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * A transient failure is tried again for as long as the code lives: until the attempt limit, or
     * until the next attempt would come at or after the code's expiry, when no delivery can help.
     */
    private Result resultOf(SendOutcome outcome, int attempt, Instant now, Instant expiresAt) {
        return outcome.fold(new SendOutcome.Cases<>() {
            @Override
            public Result accepted(SendOutcome.Accepted accepted) {
                return new Result(Status.SENT, accepted.providerMessageId(), null);
            }

            @Override
            public Result transientFailure(SendOutcome.TransientFailure failure) {
                if (attempt >= policy.maxAttempts()) {
                    return new Result(Status.FAILED, failure.reason(), null);
                }
                Instant next = now.plus(backoff(attempt));
                return next.isBefore(expiresAt) ? new Result(Status.RETRYING, failure.reason(), next)
                        : new Result(Status.FAILED, failure.reason() + "; the code expires before another attempt", null);
            }

            @Override
            public Result permanentFailure(SendOutcome.PermanentFailure failure) {
                return new Result(Status.FAILED, failure.reason(), null);
            }
        });
    }

    /** A result whose claim was overtaken (its lease ran out meanwhile) is dropped and not counted. */
    private void record(PendingMessage pending, Result result, String maskedDestination) {
        boolean recorded = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!records.record(pending.claim(), result.status(), result.detail(), result.nextAttemptAt(), now)) {
                return false;
            }
            audit.record(AuditActor.DISPATCHER, typeOf(result.status()), null, subjectOf(pending)
                    .withMethod(pending.channel().method()).withMaskedDestination(maskedDestination));
            return true;
        });
        if (recorded) {
            metrics.recorded(pending.channel(), result.status());
        }
    }

    /** A code message's challenge and its user, or a notice's user. */
    private Subject subjectOf(PendingMessage pending) {
        Subject subject = pending.user().map(user -> Subject.user(user.value())).orElse(Subject.none());
        return pending.challenge().map(id -> challenges.load(id)
                        .map(challenge -> subject.withUser(challenge.userId().value())).orElse(subject)
                        .withChallenge(id.value()))
                .orElse(subject);
    }

    private static AuditType typeOf(Status status) {
        return switch (status) {
            case QUEUED -> AuditType.MESSAGE_QUEUED;
            case SENT -> AuditType.MESSAGE_SENT;
            case RETRYING -> AuditType.MESSAGE_RETRYING;
            case FAILED -> AuditType.MESSAGE_FAILED;
            case EXPIRED -> AuditType.MESSAGE_EXPIRED;
        };
    }

    private SendMessagePort senderFor(Channel channel) {
        SendMessagePort sender = senders.get(channel);
        if (sender == null) {
            throw new IllegalStateException("no sender configured for " + channel);
        }
        return sender;
    }

    /** The sender of each channel, chosen once: the first in the given order that handles it. */
    private static Map<Channel, SendMessagePort> byChannel(List<SendMessagePort> senders) {
        Map<Channel, SendMessagePort> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            senders.stream().filter(sender -> sender.handles(channel)).findFirst()
                    .ifPresent(sender -> byChannel.put(channel, sender));
        }
        return byChannel;
    }

    Duration backoff(int attempt) {
        long cap = Math.min(policy.maxDelay().toMillis(),
                policy.baseDelay().toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap / 2 + random.nextLong(cap / 2 + 1));
    }

    /** What to record for an attempt; {@code nextAttemptAt} only when retrying. */
    private record Result(Status status, String detail, Instant nextAttemptAt) {
    }
}
