package com.plmr.mfa.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A route that fails unexpectedly, in the test environment only, to prove how a 500 is answered. */
@Controller("/internal/v1/test-only")
@Requires(env = "test")
@Secured(SecurityRule.IS_ANONYMOUS)
class FailingTestController {

    @Get("/failure")
    String failure() {
        throw new IllegalStateException("secret-internal-detail at com.example.Hidden");
    }
}
