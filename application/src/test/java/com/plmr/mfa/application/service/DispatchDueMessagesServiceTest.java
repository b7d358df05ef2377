package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.out.RequestContextPort;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.application.service.DispatchDueMessagesService.RetryPolicy;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import com.plmr.mfa.domain.delivery.DeliveryState.Status;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.OtpCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher with fakes of the outbox and the providers and a clock the test moves: which
 * result each provider answer leads to, when a retry is due, and that one message's trouble stays
 * with that message.
 */
class DispatchDueMessagesServiceTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration BASE = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofSeconds(10);
    static final Duration LEASE = Duration.ofSeconds(30);

    final SteppingClock clock = new SteppingClock(NOW);
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryChallengeStore challenges = new InMemoryChallengeStore();
    final InMemoryAuditEvents audit = new InMemoryAuditEvents();
    final ScriptedSender sms = new ScriptedSender(Channel.SMS);
    final ScriptedSender email = new ScriptedSender(Channel.EMAIL);
    /** Notes in the outbox's event list which request each piece of work ran within. */
    final RequestContextPort requests = (requestId, work) -> {
        outbox.events.add("within " + requestId);
        work.run();
        outbox.events.add("left " + requestId);
    };

    @Test
    void an_accepted_message_is_recorded_as_sent_with_the_provider_id_and_counted() {
        CodeMessage message = queue("m1", Channel.SMS).message;
        sms.answer(m -> new SendOutcome.Accepted("provider-7"));

        assertThat(dispatcher(5).dispatchDue()).isEqualTo(1);

        assertThat(outbox.row("m1").status).isEqualTo(Status.SENT);
        assertThat(outbox.row("m1").detail).isEqualTo("provider-7");
        assertThat(outbox.row("m1").nextAttemptAt).isNull();
        assertThat(sms.sent).containsExactly(message);
        assertThat(outbox.counted).containsExactly("SMS SENT");
    }

    @Test
    void a_permanent_failure_fails_at_once_and_is_never_tried_again() {
        queue("m1", Channel.EMAIL);
        email.answer(m -> new SendOutcome.PermanentFailure("smtp 550 recipient rejected"));

        dispatcher(5).dispatchDue();
        clock.advance(Duration.ofHours(1));
        dispatcher(5).dispatchDue();

        assertThat(email.sent).hasSize(1);
        assertThat(outbox.row("m1").status).isEqualTo(Status.FAILED);
        assertThat(outbox.row("m1").detail).isEqualTo("smtp 550 recipient rejected");
        assertThat(outbox.counted).containsExactly("EMAIL FAILED");
    }

    @Test
    void a_transient_failure_is_retried_after_its_backoff_and_fails_at_the_attempt_limit() {
        queue("m1", Channel.SMS);
        sms.answer(m -> new SendOutcome.TransientFailure("gateway http 503"));
        DispatchDueMessagesService dispatcher = dispatcher(4, highestJitter());

        for (int attempt = 1; attempt < 4; attempt++) {
            Instant tried = clock.instant();
            dispatcher.dispatchDue();
            Duration cap = BASE.multipliedBy(1L << (attempt - 1));
            assertThat(outbox.row("m1").status).isEqualTo(Status.RETRYING);
            assertThat(outbox.row("m1").nextAttemptAt).isEqualTo(tried.plus(cap));

            clock.advance(cap.minusSeconds(1));
            assertThat(dispatcher.dispatchDue()).as("not due before its time").isZero();
            clock.advance(Duration.ofSeconds(1));
        }
        dispatcher.dispatchDue();

        assertThat(sms.sent).hasSize(4);
        assertThat(outbox.row("m1").status).isEqualTo(Status.FAILED);
        assertThat(outbox.row("m1").detail).isEqualTo("gateway http 503");
        assertThat(outbox.counted).containsExactly("SMS RETRYING", "SMS RETRYING", "SMS RETRYING", "SMS FAILED");
    }

    @Test
    void a_transient_failure_is_retried_for_as_long_as_the_code_lives_and_fails_when_the_next_try_would_be_too_late() {
        Instant expires = queue("m1", Channel.SMS).expiresAt;
        sms.answer(m -> new SendOutcome.TransientFailure("gateway http 503"));
        DispatchDueMessagesService dispatcher = dispatcher(100, highestJitter());

        while (outbox.row("m1").status != Status.FAILED) {
            dispatcher.dispatchDue();
            if (outbox.row("m1").nextAttemptAt != null) {
                assertThat(outbox.row("m1").nextAttemptAt).isBefore(expires);
                clock.advance(Duration.between(clock.instant(), outbox.row("m1").nextAttemptAt));
            }
        }

        assertThat(sms.sent).as("at 0, 2, 6, 14 s, then every 10 s up to 294 s of the code's 300").hasSize(32);
        assertThat(outbox.row("m1").detail).isEqualTo("gateway http 503; the code expires before another attempt");
        assertThat(clock.instant().plus(MAX)).isAfterOrEqualTo(expires);
    }

    @Test
    void the_backoff_doubles_from_the_base_delay_up_to_the_cap_and_half_of_it_is_random() {
        DispatchDueMessagesService lowest = dispatcher(9, lowestJitter());
        DispatchDueMessagesService highest = dispatcher(9, highestJitter());
        long[] caps = {2, 4, 8, 10, 10, 10};

        for (int attempt = 1; attempt <= caps.length; attempt++) {
            Duration cap = Duration.ofSeconds(caps[attempt - 1]);
            assertThat(lowest.backoff(attempt)).as("attempt %d, least jitter", attempt).isEqualTo(cap.dividedBy(2));
            assertThat(highest.backoff(attempt)).as("attempt %d, most jitter", attempt).isEqualTo(cap);
        }
    }

    @Test
    void a_message_whose_code_expired_is_neither_opened_nor_sent() {
        queue("m1", Channel.SMS);
        clock.advance(Duration.ofMinutes(5));

        dispatcher(5).dispatchDue();

        assertThat(outbox.row("m1").status).isEqualTo(Status.EXPIRED);
        assertThat(outbox.events).containsExactly("claim m1", "record m1 EXPIRED");
        assertThat(sms.sent).isEmpty();
        assertThat(outbox.counted).containsExactly("SMS EXPIRED");
    }

    @Test
    void a_sender_that_throws_fails_only_its_own_message_which_is_retried() {
        queue("m1", Channel.SMS);
        queue("m2", Channel.SMS);
        queue("m3", Channel.SMS);
        sms.answer(m -> {
            if (m.messageId().equals("m2")) {
                throw new IllegalStateException("template sms_xx.txt missing");
            }
            return new SendOutcome.Accepted("p-" + m.messageId());
        });

        assertThat(dispatcher(5).dispatchDue()).isEqualTo(3);

        assertThat(outbox.row("m1").status).isEqualTo(Status.SENT);
        assertThat(outbox.row("m3").status).isEqualTo(Status.SENT);
        assertThat(outbox.row("m2").status).isEqualTo(Status.RETRYING);
        assertThat(outbox.row("m2").detail).isEqualTo("dispatch error (IllegalStateException)")
                .doesNotContain("sms_xx");
        assertThat(outbox.row("m2").nextAttemptAt).isAfter(clock.instant());
    }

    @Test
    void content_that_cannot_be_opened_fails_only_its_own_message() {
        queue("m1", Channel.EMAIL);
        queue("m2", Channel.EMAIL).unreadable = new IllegalStateException("no key with id k9");
        queue("m3", Channel.EMAIL);
        email.answer(m -> new SendOutcome.Accepted("p-" + m.messageId()));

        dispatcher(5).dispatchDue();

        assertThat(email.sent).extracting(OutboundMessage::messageId).containsExactly("m1", "m3");
        assertThat(outbox.row("m2").status).isEqualTo(Status.RETRYING);
        assertThat(outbox.row("m2").detail).isEqualTo("dispatch error (IllegalStateException)");
        assertThat(outbox.counted).containsExactly("EMAIL SENT", "EMAIL RETRYING", "EMAIL SENT");
    }

    @Test
    void a_message_no_sender_handles_is_retried_and_the_round_goes_on() {
        queue("m1", Channel.EMAIL);
        queue("m2", Channel.SMS);
        sms.answer(m -> new SendOutcome.Accepted("p-" + m.messageId()));
        DispatchDueMessagesService smsOnly = new DispatchDueMessagesService(outbox, outbox, List.of(sms),
                policy(5), outbox, highestJitter(), clock, RequestContextPort.none(),
                challenges, challenges, audit.trail(challenges, clock));

        assertThat(smsOnly.dispatchDue()).isEqualTo(2);

        assertThat(outbox.row("m1").status).isEqualTo(Status.RETRYING);
        assertThat(outbox.row("m2").status).isEqualTo(Status.SENT);
    }

    @Test
    void each_message_is_claimed_for_its_own_send_and_a_round_stops_at_the_batch_size() {
        queue("m1", Channel.SMS);
        queue("m2", Channel.EMAIL);
        queue("m3", Channel.SMS);
        sms.answer(m -> new SendOutcome.Accepted("p"));
        email.answer(m -> new SendOutcome.Accepted("p"));

        assertThat(dispatcher(5, highestJitter(), 2).dispatchDue()).isEqualTo(2);

        assertThat(outbox.events).containsExactly(
                "claim m1", "open m1", "send m1", "record m1 SENT",
                "claim m2", "open m2", "send m2", "record m2 SENT");
        assertThat(outbox.leases).containsOnly(LEASE);
        assertThat(outbox.row("m3").status).isEqualTo(Status.QUEUED);
        assertThat(dispatcher(5, highestJitter(), 2).dispatchDue()).isEqualTo(1);
        assertThat(outbox.row("m3").status).isEqualTo(Status.SENT);
    }

    @Test
    void each_message_is_opened_sent_and_recorded_within_the_request_that_queued_it() {
        queue("m1", Channel.SMS).requestId = "req-1";
        queue("m2", Channel.SMS);
        sms.answer(m -> new SendOutcome.Accepted("p"));

        new DispatchDueMessagesService(outbox, outbox, List.of(sms), policy(5), outbox, highestJitter(), clock,
                requests, challenges, challenges, audit.trail(challenges, clock)).dispatchDue();

        assertThat(outbox.events).containsExactly(
                "claim m1", "within req-1", "open m1", "send m1", "record m1 SENT", "left req-1",
                "claim m2", "within null", "open m2", "send m2", "record m2 SENT", "left null");
    }

    @Test
    void a_stop_requested_during_a_send_claims_no_further_message_and_the_send_is_still_recorded() {
        queue("m1", Channel.SMS);
        queue("m2", Channel.SMS);
        AtomicBoolean stop = new AtomicBoolean();
        sms.answer(m -> {
            stop.set(true);
            return new SendOutcome.Accepted("p");
        });

        assertThat(dispatcher(5).dispatchDue(stop::get)).isEqualTo(1);

        assertThat(outbox.events).containsExactly("claim m1", "open m1", "send m1", "record m1 SENT");
        assertThat(outbox.row("m2").attempts).isZero();
    }

    @Test
    void the_message_under_way_is_given_back_due_at_once_and_its_late_result_is_fenced_once_claimed_again() {
        queue("m1", Channel.SMS);
        DispatchDueMessagesService dispatcher = dispatcher(5);
        sms.answer(m -> {
            assertThat(dispatcher.releaseInFlight()).isTrue();
            outbox.claimNext(clock.instant(), LEASE);
            return new SendOutcome.Accepted("p");
        });

        dispatcher.dispatchDue();

        assertThat(outbox.events).containsExactly("claim m1", "open m1", "send m1", "release m1", "claim m1", "late m1");
        assertThat(outbox.row("m1").attempts).isEqualTo(2);
        assertThat(dispatcher.releaseInFlight()).as("nothing under way after the round").isFalse();
    }

    @Test
    void a_result_whose_lease_was_taken_over_meanwhile_is_neither_recorded_nor_counted() {
        queue("m1", Channel.SMS);
        sms.answer(m -> {
            clock.advance(LEASE.plusSeconds(1));
            outbox.claimNext(clock.instant(), LEASE);
            return new SendOutcome.TransientFailure("gateway request timeout");
        });

        dispatcher(5).dispatchDue();

        assertThat(outbox.events).endsWith("late m1");
        assertThat(outbox.row("m1").attempts).isEqualTo(2);
        assertThat(outbox.row("m1").status).isEqualTo(Status.QUEUED);
        assertThat(outbox.counted).isEmpty();
    }

    private CodeMessage message(String id, Channel channel) {
        String to = channel == Channel.SMS ? "+4915112345612" : "jane@example.com";
        return new CodeMessage(id, id, new ChallengeId("ch_dispatch"), new Destination(channel, to), Locale.ENGLISH,
                new OtpCode("123456"), 5, null);
    }

    private InMemoryOutbox.Row queue(String id, Channel channel) {
        return outbox.add(message(id, channel), clock.instant(), clock.instant().plus(Duration.ofMinutes(5)));
    }

    private DispatchDueMessagesService dispatcher(int maxAttempts) {
        return dispatcher(maxAttempts, highestJitter());
    }

    private DispatchDueMessagesService dispatcher(int maxAttempts, RandomGenerator random) {
        return dispatcher(maxAttempts, random, 20);
    }

    private DispatchDueMessagesService dispatcher(int maxAttempts, RandomGenerator random, int batchSize) {
        return new DispatchDueMessagesService(outbox, outbox, List.of(sms, email),
                new RetryPolicy(batchSize, LEASE, maxAttempts, BASE, MAX), outbox, random, clock, RequestContextPort.none(),
                challenges, challenges, audit.trail(challenges, clock));
    }

    private static RetryPolicy policy(int maxAttempts) {
        return new RetryPolicy(20, LEASE, maxAttempts, BASE, MAX);
    }

    /** The random half of the backoff at its top: the delay is the whole cap. */
    private static RandomGenerator highestJitter() {
        return jitter(bound -> bound - 1);
    }

    /** The random half of the backoff at zero: the delay is half the cap. */
    private static RandomGenerator lowestJitter() {
        return jitter(bound -> 0L);
    }

    private static RandomGenerator jitter(Function<Long, Long> pick) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return pick.apply(bound);
            }
        };
    }

    /** A provider answering as the test says, one channel; it notes each send in the outbox's event list. */
    final class ScriptedSender implements SendMessagePort {

        final Channel channel;
        final List<OutboundMessage> sent = new ArrayList<>();
        private Function<OutboundMessage, SendOutcome> answer = message -> {
            throw new AssertionError("no answer scripted for " + message);
        };

        ScriptedSender(Channel channel) {
            this.channel = channel;
        }

        void answer(Function<OutboundMessage, SendOutcome> answer) {
            this.answer = answer;
        }

        @Override
        public boolean handles(Channel candidate) {
            return candidate == channel;
        }

        @Override
        public String provider() {
            return "scripted";
        }

        @Override
        public SendOutcome send(OutboundMessage message) {
            outbox.events.add("send " + message.messageId());
            sent.add(message);
            return answer.apply(message);
        }
    }
}
