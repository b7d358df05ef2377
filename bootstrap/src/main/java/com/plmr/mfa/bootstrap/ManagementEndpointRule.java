package com.plmr.mfa.bootstrap;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * Who may read the sensitive management endpoints: a token carrying the scope
 * {@value #METRICS_SCOPE} may scrape the metrics ({@code /prometheus}, {@code /metrics}); nobody
 * reaches any other sensitive endpoint (beans, env, loggers, refresh...) over HTTP. Metrics are
 * not public because delivery counts by status reveal traffic and provider trouble to anyone.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class ManagementEndpointRule extends SensitiveEndpointRule {

    static final String METRICS_SCOPE = "mfa.metrics.read";
    private static final Set<String> METRICS_ENDPOINTS = Set.of("prometheus", "metrics");

    ManagementEndpointRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                        Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        boolean allowed = METRICS_ENDPOINTS.contains(endpointId(method)) && scopes(authentication).contains(METRICS_SCOPE);
        return Publishers.just(allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    /** The {@code @Endpoint} id of the endpoint's class, as in its path. */
    private static String endpointId(ExecutableMethod<?, ?> method) {
        return method.stringValue(Endpoint.class, "id").or(() -> method.stringValue(Endpoint.class)).orElse("");
    }

    private static Set<String> scopes(Authentication authentication) {
        Object scope = authentication.getAttributes().get("scope");
        if (scope instanceof String text) {
            return Set.copyOf(Arrays.asList(text.trim().split("\\s+")));
        }
        Object scp = authentication.getAttributes().get("scp");
        if (scp instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
