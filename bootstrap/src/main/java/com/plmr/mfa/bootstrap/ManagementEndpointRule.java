package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.in.rest.TokenScopes;
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

/**
 * Who may read the sensitive management endpoints: a token carrying the scope
 * {@value #METRICS_SCOPE} may scrape {@code /prometheus}; nobody reaches any other sensitive
 * endpoint (beans, env, loggers, refresh...) over HTTP. Metrics are not public because delivery
 * counts by status reveal traffic and provider trouble to anyone. {@code /health} is not sensitive:
 * its status is public, its details need {@value #MANAGEMENT_SCOPE} ({@link ScopedHealthEndpoint}).
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class ManagementEndpointRule extends SensitiveEndpointRule {

    static final String METRICS_SCOPE = "mfa.metrics.read";
    static final String MANAGEMENT_SCOPE = "mfa.management.read";
    private static final String METRICS_ENDPOINT = "prometheus";

    ManagementEndpointRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                        Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        boolean allowed = METRICS_ENDPOINT.equals(endpointId(method))
                && TokenScopes.of(authentication.getAttributes()).contains(METRICS_SCOPE);
        return Publishers.just(allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    /** The {@code @Endpoint} id of the endpoint's class, as in its path. */
    private static String endpointId(ExecutableMethod<?, ?> method) {
        return method.stringValue(Endpoint.class, "id").or(() -> method.stringValue(Endpoint.class)).orElse("");
    }
}
