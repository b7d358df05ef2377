package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.ReceiveDeliveryReceiptUseCase.Answer;
import com.plmr.mfa.application.port.out.ReadReceiptPort;
import com.plmr.mfa.application.port.out.RecordReceiptPort;
import com.plmr.mfa.domain.audit.AuditActor;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.DeliveryReceipt;
import com.plmr.mfa.domain.delivery.ProviderCallback;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipts with a fake reader and store: what is recorded, what is refused, and what is audited. */
class ReceiveDeliveryReceiptServiceTest {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    final SteppingClock clock = new SteppingClock(NOW);
    final InMemoryChallengeStore challenges = new InMemoryChallengeStore();
    final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    final Receipts receipts = new Receipts();
    ReadReceiptPort.Reading reading;

    final ReadReceiptPort twilio = new ReadReceiptPort() {
        @Override
        public String provider() {
            return "twilio";
        }

        @Override
        public Reading read(ProviderCallback callback, Instant now) {
            return reading;
        }
    };

    final ReceiveDeliveryReceiptService service = new ReceiveDeliveryReceiptService(List.of(twilio), receipts,
            challenges, challenges, audit.trail(challenges, clock), clock);

    @Test
    void a_final_status_is_recorded_once_and_audited_once_however_often_it_comes() {
        receipts.sent.put("SM1", new RecordReceiptPort.Receipted("msg_1", new ChallengeId("ch_1"), Channel.SMS));
        reading = new ReadReceiptPort.Final("SM1", DeliveryReceipt.Outcome.UNDELIVERED, "30003");

        assertThat(service.receive(callback("twilio"))).isEqualTo(Answer.ACCEPTED);
        assertThat(service.receive(callback("twilio"))).isEqualTo(Answer.ACCEPTED);

        assertThat(receipts.recorded).containsExactly(
                new DeliveryReceipt(DeliveryReceipt.Outcome.UNDELIVERED, "30003", NOW));
        assertThat(audit.decisions()).containsExactly("message.undelivered");
        assertThat(audit.appended.get(0).actor()).isEqualTo(AuditActor.provider("twilio"));
        assertThat(audit.appended.get(0).subject().challengeId()).contains("ch_1");
    }

    @Test
    void an_unknown_message_and_an_intermediate_status_get_the_same_answer_and_record_nothing() {
        reading = new ReadReceiptPort.Final("SM-unknown", DeliveryReceipt.Outcome.DELIVERED, null);
        assertThat(service.receive(callback("twilio"))).isEqualTo(Answer.ACCEPTED);
        reading = new ReadReceiptPort.NotFinal();
        assertThat(service.receive(callback("twilio"))).isEqualTo(Answer.ACCEPTED);

        assertThat(receipts.recorded).isEmpty();
        assertThat(audit.appended).isEmpty();
    }

    @Test
    void unsigned_wrongly_signed_and_unconfigured_callbacks_are_refused_and_audited() {
        reading = new ReadReceiptPort.Unsigned();
        assertThat(service.receive(callback("twilio"))).isEqualTo(Answer.REFUSED);
        reading = new ReadReceiptPort.WronglySigned();
        assertThat(service.receive(callback("twilio"))).isEqualTo(Answer.REFUSED);
        assertThat(service.receive(callback("webhook"))).isEqualTo(Answer.REFUSED);

        assertThat(audit.decisions()).containsExactly("receipt.refused/signature_missing",
                "receipt.refused/signature_invalid", "receipt.refused/receipts_not_configured");
        assertThat(receipts.recorded).isEmpty();
    }

    @Test
    void a_signed_callback_that_is_no_status_is_malformed() {
        reading = new ReadReceiptPort.Malformed();

        assertThat(service.receive(callback("twilio"))).isEqualTo(Answer.MALFORMED);
        assertThat(audit.appended).isEmpty();
    }

    private static ProviderCallback callback(String provider) {
        return new ProviderCallback(provider, "signature", "MessageSid=SM1".getBytes());
    }

    /** Sent messages by provider id; a receipt is kept for the first final status only. */
    static final class Receipts implements RecordReceiptPort {

        final Map<String, Receipted> sent = new HashMap<>();
        final List<DeliveryReceipt> recorded = new ArrayList<>();
        private final Map<String, DeliveryReceipt> byId = new HashMap<>();

        @Override
        public Optional<Receipted> record(String providerMessageId, DeliveryReceipt receipt) {
            Receipted message = sent.get(providerMessageId);
            if (message == null || byId.putIfAbsent(providerMessageId, receipt) != null) {
                return Optional.empty();
            }
            recorded.add(receipt);
            return Optional.of(message);
        }
    }
}
