package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.in.rest.TokenScopes;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;

import java.security.Principal;

/**
 * {@code /health} for everyone, its details (database, disk space, the service's own checks) only
 * for a token with the scope {@value ManagementEndpointRule#MANAGEMENT_SCOPE}: the details name the
 * database product and version and the free disk space, which is reconnaissance for anyone else.
 * The framework can only show them to every authenticated caller, users included.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
class ScopedHealthEndpoint extends HealthEndpoint {

    ScopedHealthEndpoint(HealthAggregator<HealthResult> aggregator, HealthIndicator[] indicators,
                         @Liveness HealthIndicator[] livenessIndicators) {
        super(aggregator, indicators, livenessIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        boolean management = principal instanceof Authentication token
                && TokenScopes.of(token.getAttributes()).contains(ManagementEndpointRule.MANAGEMENT_SCOPE);
        return management ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
