package com.plmr.mfa.bootstrap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * An SMS webhook gateway (WireMock on 127.0.0.1) that accepts every message, but holds its first
 * {@code holds} requests until the test answers them, so a test decides when a send under way ends.
 */
final class HeldSmsGateway implements AutoCloseable {

    static final String PATH = "/hooks/sms";
    /** The longest a test and the gateway wait for each other, in real time. */
    static final long WAIT_SECONDS = 60;

    private final HeldRequests held;
    private final WireMockServer server;

    HeldSmsGateway(int holds) {
        held = new HeldRequests(holds);
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(held));
        server.start();
    }

    /**
     * The service's settings that send SMS here: the webhook provider with a request timeout above
     * the wait, and a lease of {@code lease} above that, as the start-up check demands.
     */
    Map<String, String> properties(Map<String, String> database, String lease) {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.test.recording-sender", "false");
        properties.put("mfa.notify.sms.provider", "webhook");
        properties.put("mfa.notify.sms.webhook.url", "http://127.0.0.1:" + server.port() + PATH);
        properties.put("mfa.notify.sms.webhook.request-timeout", (WAIT_SECONDS * 2) + "s");
        properties.put("mfa.outbox.lease", lease);
        return properties;
    }

    void acceptEveryMessage() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"gw-1\"}")));
    }

    List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    /** Until the next held request has arrived. */
    void awaitArrival() {
        held.awaitArrival();
    }

    /** Lets one held request through. */
    void answer() {
        held.answer();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Holds the gateway's first {@code count} requests until the test answers them; later ones pass. */
    private static final class HeldRequests implements ServeEventListener {

        private final int count;
        private final AtomicInteger seen = new AtomicInteger();
        private final Semaphore arrived = new Semaphore(0);
        private final Semaphore answered = new Semaphore(0);

        HeldRequests(int count) {
            this.count = count;
        }

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            if (seen.incrementAndGet() <= count) {
                arrived.release();
                acquire(answered);
            }
        }

        void awaitArrival() {
            acquire(arrived);
        }

        void answer() {
            answered.release();
        }

        private static void acquire(Semaphore semaphore) {
            try {
                if (!semaphore.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("the gateway and the test lost step");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "held-requests";
        }
    }
}
