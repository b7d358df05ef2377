package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.NoticeMessage;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test environment's provider: it accepts every message and keeps it, so a test reads the
 * code the way a user reads a phone. Ordered first, it takes precedence over configured senders.
 */
@Singleton
@Requires(env = "test")
@Requires(property = "mfa.test.recording-sender", value = "true", defaultValue = "true")
class RecordingSender implements SendMessagePort, Ordered {

    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
    /** The request id in the logging context while each message was sent, by message id. */
    private final Map<String, String> requestIds = new ConcurrentHashMap<>();

    @Override
    public boolean handles(Channel channel) {
        return true;
    }

    @Override
    public String provider() {
        return "recording";
    }

    /** Until {@link #stopFailing}, a message to this destination throws, as a broken template would. */
    void failFor(String destination, RuntimeException failure) {
        failures.put(destination, failure);
    }

    void stopFailing(String destination) {
        failures.remove(destination);
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        RuntimeException failure = failures.get(message.to().address());
        if (failure != null) {
            throw failure;
        }
        sent.add(message);
        requestIds.put(message.messageId(), String.valueOf(MDC.get("requestId")));
        return new SendOutcome.Accepted("recorded-" + message.messageId());
    }

    /** The request id a log line written while {@code messageId} was sent carried ({@code "null"} for none). */
    Optional<String> requestIdWhileSending(String messageId) {
        return Optional.ofNullable(requestIds.get(messageId));
    }

    /** The last code message sent to {@code destination}. */
    Optional<CodeMessage> lastTo(String destination) {
        List<CodeMessage> codes = all();
        for (int i = codes.size() - 1; i >= 0; i--) {
            if (codes.get(i).to().address().equals(destination)) {
                return Optional.of(codes.get(i));
            }
        }
        return Optional.empty();
    }

    /** The code messages sent, in order. */
    List<CodeMessage> all() {
        return sent.stream().filter(CodeMessage.class::isInstance).map(CodeMessage.class::cast).toList();
    }

    /** The notices sent, in order. */
    List<NoticeMessage> notices() {
        return sent.stream().filter(NoticeMessage.class::isInstance).map(NoticeMessage.class::cast).toList();
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
