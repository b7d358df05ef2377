package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.EnqueueMessagePort;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.delivery.CodeMessage;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The test environment's outbox: it hands every message to the real outbox and, when a test asks
 * for it, throws right after the real enqueue, inside the initiate transaction. That is the worst
 * moment for a failure: the new code and the message are both written but not committed.
 */
@Primary
@Singleton
@Requires(env = "test")
class FaultInjectingOutbox implements EnqueueMessagePort {

    private final BeanContext context;
    private final AtomicBoolean failNext = new AtomicBoolean();
    private volatile EnqueueMessagePort real;

    FaultInjectingOutbox(BeanContext context) {
        this.context = context;
    }

    void failNextEnqueue() {
        failNext.set(true);
    }

    @Override
    public void enqueue(CodeMessage message, Instant now, Instant expiresAt) {
        real().enqueue(message, now, expiresAt);
        if (failNext.compareAndSet(true, false)) {
            throw new IllegalStateException("injected failure after the outbox enqueue");
        }
    }

    private EnqueueMessagePort real() {
        if (real == null) {
            real = context.getBeansOfType(EnqueueMessagePort.class).stream()
                    .filter(bean -> !(bean instanceof FaultInjectingOutbox))
                    .findFirst().orElseThrow();
        }
        return real;
    }
}
