package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.in.rest.Arrival;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An API route that holds its request until the test lets it go, so a test can occupy the
 * service's capacity deterministically, and one that shows the arrival stamp the request reached the
 * API with. Only in contexts that set {@code mfa.test.holding}.
 */
@Controller("/internal/v1/test-only")
@Requires(property = "mfa.test.holding", value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
class HoldingTestController {

    final Semaphore entered = new Semaphore(0);
    final CountDownLatch release = new CountDownLatch(1);

    @Get("/hold")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String hold() throws InterruptedException {
        entered.release();
        release.await(60, TimeUnit.SECONDS);
        return "{\"held\":true}";
    }

    @Get("/arrival")
    String arrival(@Header(Arrival.HEADER) String stamp) {
        return "{\"arrival\":\"" + stamp + "\"}";
    }
}
