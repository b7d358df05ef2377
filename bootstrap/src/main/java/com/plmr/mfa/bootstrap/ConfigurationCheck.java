package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.notify.NotifyProviderGuard;
import com.plmr.mfa.adapter.out.notify.SmsFormat;
import com.plmr.mfa.application.port.out.PhoneNumbersPort;
import com.plmr.mfa.application.port.out.SendMessagePort;
import com.plmr.mfa.application.service.DispatchDueMessagesService;
import com.plmr.mfa.application.service.PurgeExpiredDataService;
import com.plmr.mfa.domain.abuse.AbusePolicy;
import com.plmr.mfa.domain.assertion.AssertionPolicy;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.code.CodeHasher;
import com.plmr.mfa.domain.crypto.SecretSealer;
import com.plmr.mfa.domain.factor.TotpPolicy;
import com.plmr.mfa.domain.notice.NoticePolicy;
import com.plmr.mfa.domain.recovery.RecoveryCodePolicy;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the whole configuration before anything else starts (the first eager bean, so before
 * the database is touched): the active environments, the instance's own settings, then every value
 * built from settings. Each refused setting is one line; all of them are reported together, and
 * the start stops. Without this, a value built lazily (a policy) would fail only at the first
 * request that needs it, with a 500 while {@code /health} says UP.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ConfigurationCheck {

    /** What is built from settings; each refuses its own wrong parameters. */
    private static final List<Class<?>> BUILT_FROM_SETTINGS = List.of(TokenRules.class, ChallengePolicy.class,
            AbusePolicy.class, TotpPolicy.class, RecoveryCodePolicy.class, CodeHasher.class, SecretSealer.class,
            DispatchDueMessagesService.RetryPolicy.class, PurgeExpiredDataService.RetentionPolicy.class,
            NotifyProviderGuard.class, SendMessagePort.class, AssertionPolicy.class, AssertionKeyRing.class,
            PhoneNumbersPort.class, SmsFormat.class, VerifiedTokenCache.Rules.class, NoticePolicy.class);

    ConfigurationCheck(Environment environment, Settings settings, BeanContext beans) {
        Environments.refuseDevelopmentWithProduction(environment.getActiveNames());
        Set<String> problems = new LinkedHashSet<>();
        check(problems, () -> settings.build(values -> new InstanceSettings(
                values.text("databaseUrl", "datasources.default.url"),
                values.integer("port", "micronaut.server.port"),
                values.text("instanceId", "mfa.instance-id"),
                values.text("logFormat", "mfa.log.format"),
                values.text("migration", Migration.PROPERTY))));
        check(problems, () -> settings.build(values -> new DatabaseTimeouts(
                values.duration("connectionTimeout", "mfa.database.connection-timeout"),
                values.duration("socketTimeout", "mfa.database.socket-timeout"))));
        check(problems, () -> settings.build(values -> new ServingLimits(
                values.integer("poolSize", "datasources.default.maximum-pool-size"),
                values.integer("maxConcurrentRequests", "mfa.http.max-concurrent-requests"),
                values.duration("queueTarget", "mfa.http.queue-target"),
                values.duration("queueInterval", "mfa.http.queue-interval"))));
        for (Class<?> type : BUILT_FROM_SETTINGS) {
            check(problems, () -> beans.getBeansOfType(type));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationRefusedException(new ArrayList<>(problems));
        }
    }

    private static void check(Set<String> problems, Runnable build) {
        try {
            build.run();
        } catch (RuntimeException failure) {
            problems.addAll(ConfigurationRefusedException.problemsOf(failure).orElseThrow(() -> failure));
        }
    }
}
