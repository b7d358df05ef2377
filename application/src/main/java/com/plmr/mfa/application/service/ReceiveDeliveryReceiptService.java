package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.ReceiveDeliveryReceiptUseCase;
import com.plmr.mfa.application.port.out.LoadChallengePort;
import com.plmr.mfa.application.port.out.ReadReceiptPort;
import com.plmr.mfa.application.port.out.RecordReceiptPort;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.audit.AuditActor;
import com.plmr.mfa.domain.audit.AuditEvent.Subject;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.ProviderCallback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records what providers report about the messages they accepted. The callback is read by the
 * reader of its provider, which checks the signature first; a callback for a provider that is not
 * the configured one has no reader and is refused like a wrongly signed one. Each recorded receipt
 * is an audit event of its message's challenge and user ({@code message.delivered},
 * {@code message.undelivered}) in the transaction that records it; a repeated receipt records
 * nothing and is no event. Refusals are audited ({@code receipt.refused}).
 */
public final class ReceiveDeliveryReceiptService implements ReceiveDeliveryReceiptUseCase {

    private final Map<String, ReadReceiptPort> readers;
    private final RecordReceiptPort receipts;
    private final LoadChallengePort challenges;
    private final TransactionPort transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public ReceiveDeliveryReceiptService(List<ReadReceiptPort> readers, RecordReceiptPort receipts,
                                         LoadChallengePort challenges, TransactionPort transactions, AuditTrail audit,
                                         Clock clock) {
        this.readers = readers.stream().collect(Collectors.toUnmodifiableMap(ReadReceiptPort::provider,
                Function.identity()));
        this.receipts = receipts;
        this.challenges = challenges;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Answer receive(ProviderCallback callback) {
        Instant now = clock.instant();
        AuditActor caller = AuditActor.provider(callback.provider());
        ReadReceiptPort reader = readers.get(callback.provider());
        if (reader == null) {
            return refused(caller, AuditReason.RECEIPTS_NOT_CONFIGURED);
        }
        return reader.read(callback, now).fold(new ReadReceiptPort.Cases<>() {
            @Override
            public Answer unsigned() {
                return refused(caller, AuditReason.SIGNATURE_MISSING);
            }

            @Override
            public Answer wronglySigned() {
                return refused(caller, AuditReason.SIGNATURE_INVALID);
            }

            @Override
            public Answer malformed() {
                return Answer.MALFORMED;
            }

            @Override
            public Answer notFinal() {
                return Answer.ACCEPTED;
            }

            @Override
            public Answer status(ReadReceiptPort.Final status) {
                record(caller, status, now);
                return Answer.ACCEPTED;
            }
        });
    }

    private void record(AuditActor caller, ReadReceiptPort.Final status, Instant now) {
        DeliveryReceipt receipt = new DeliveryReceipt(status.outcome(), status.errorCode(), now);
        transactions.inTransaction(() -> {
            Optional<RecordReceiptPort.Receipted> recorded = receipts.record(status.providerMessageId(), receipt);
            recorded.ifPresent(message -> {
                Subject subject = Subject.none().withChallenge(message.challenge().value())
                        .withMethod(message.channel().method());
                audit.record(caller, status.outcome() == DeliveryReceipt.Outcome.DELIVERED ? AuditType.MESSAGE_DELIVERED
                        : AuditType.MESSAGE_UNDELIVERED, null, challenges.load(message.challenge())
                        .map(challenge -> subject.withUser(challenge.userId().value())).orElse(subject));
            });
            return recorded;
        });
    }

    private Answer refused(AuditActor caller, AuditReason reason) {
        audit.record(caller, AuditType.RECEIPT_REFUSED, reason, Subject.none());
        return Answer.REFUSED;
    }
}
