package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.PublishAuditEventPort;
import com.plmr.mfa.domain.audit.AuditEvent;
import com.plmr.mfa.domain.audit.AuditReason;
import com.plmr.mfa.domain.audit.AuditType;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The decision counters, derived from the audit trail (one mechanism: each committed event counts
 * once, so the counters and the trail cannot disagree):
 * <ul>
 *   <li>{@value #EVENTS}{@code {type, method}}: every decision by type and method or channel
 *       ({@code sms}, {@code email}, {@code app}, {@code none}): verify outcomes by method, challenge
 *       lifecycle transitions, messages by channel;</li>
 *   <li>{@value #REFUSALS}{@code {reason, abuse}}: every refusal or lock by reason; {@code abuse="true"}
 *       for the abuse limits (cooldown, send cap, send and verify rate limits, app lockout).</li>
 * </ul>
 * Both are closed sets of low cardinality (35 types times 4 methods, 26 reasons), every series
 * registered when the service starts, so an alert sees 0 before the first decision, not nothing.
 */
@Singleton
class AuditCounters implements PublishAuditEventPort {

    static final String EVENTS = "mfa.audit.events";
    static final String REFUSALS = "mfa.audit.refusals";
    private static final String NONE = "none";

    private final Map<AuditType, Map<String, Counter>> events = new EnumMap<>(AuditType.class);
    private final Map<AuditReason, Counter> refusals = new EnumMap<>(AuditReason.class);

    AuditCounters(MeterRegistry registry) {
        for (AuditType type : AuditType.values()) {
            Map<String, Counter> byMethod = new HashMap<>();
            byMethod.put(NONE, event(registry, type, NONE));
            for (ChallengeMethod method : ChallengeMethod.values()) {
                byMethod.put(name(method), event(registry, type, name(method)));
            }
            events.put(type, byMethod);
        }
        for (AuditReason reason : AuditReason.values()) {
            refusals.put(reason, Counter.builder(REFUSALS).description("Refusals and locks recorded in the audit trail")
                    .tag("reason", reason.code()).tag("abuse", String.valueOf(AuditReason.ABUSE_LIMITS.contains(reason)))
                    .register(registry));
        }
    }

    private static Counter event(MeterRegistry registry, AuditType type, String method) {
        return Counter.builder(EVENTS).description("Decisions recorded in the audit trail")
                .tag("type", type.code()).tag("method", method).register(registry);
    }

    private static String name(ChallengeMethod method) {
        return method.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void published(AuditEvent event) {
        events.get(event.type()).get(event.subject().method().map(AuditCounters::name).orElse(NONE)).increment();
        event.reason().ifPresent(reason -> refusals.get(reason).increment());
    }
}
