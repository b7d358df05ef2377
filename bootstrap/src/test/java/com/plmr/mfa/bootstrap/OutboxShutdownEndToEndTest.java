package com.plmr.mfa.bootstrap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox dispatcher at shutdown, on the real database with an SMS gateway (WireMock) that holds
 * each request until the test answers it: the job claims nothing more once the shutdown asked it to
 * stop, and the shutdown waits for the message under way; when the shutdown cannot wait any longer,
 * that message is given back due at once, another dispatcher sends it with the same idempotency key,
 * and the late result of the first send is fenced off.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxShutdownEndToEndTest implements TestPropertyProvider {

    private static final String PATH = "/hooks/sms";
    private static final long WAIT_SECONDS = 60;

    @Inject
    EmbeddedServer server;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    /** One hold for the first test, two for the second, in either order. */
    private final OutboxLeaseEndToEndTest.HeldRequests held = new OutboxLeaseEndToEndTest.HeldRequests(3);
    private final WireMockServer gateway = startGateway(held);
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final OutboxRows rows = new OutboxRows(database);

    private static WireMockServer startGateway(OutboxLeaseEndToEndTest.HeldRequests held) {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(held));
        server.start();
        return server;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.test.recording-sender", "false");
        properties.put("mfa.notify.sms.provider", "webhook");
        properties.put("mfa.notify.sms.webhook.url", "http://127.0.0.1:" + gateway.port() + PATH);
        properties.put("mfa.notify.sms.webhook.request-timeout", (WAIT_SECONDS * 2) + "s");
        properties.put("mfa.outbox.lease", "150s");
        return properties;
    }

    @BeforeEach
    void answerEveryRequest() {
        gateway.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"gw-1\"}")));
    }

    @AfterAll
    void stopGateway() {
        gateway.stop();
    }

    @Test
    void a_shutdown_waits_for_the_message_under_way_and_claims_no_other() throws Exception {
        String first = initiateSms();
        String second = initiateSms();
        OutboxDispatchJob job = new OutboxDispatchJob(dispatcher);
        CompletableFuture<Void> round = CompletableFuture.runAsync(job::dispatch);
        held.awaitArrival();

        CompletableFuture<?> drained = job.shutdownGracefully().toCompletableFuture();

        assertThat(drained).as("the shutdown waits for the send under way").isNotDone();
        assertThat(job.reportActiveTasks()).hasValue(1);
        held.answer();
        drained.get(WAIT_SECONDS, TimeUnit.SECONDS);
        round.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(job.reportActiveTasks()).hasValue(0);
        assertThat(List.of(rows.single(first), rows.single(second))).as("one sent, the other never claimed")
                .extracting(row -> row.status() + " " + row.attempts()).containsExactlyInAnyOrder("SENT 1", "QUEUED 0");
        job.dispatch();
        assertThat(rows.single(first).attempts() + rows.single(second).attempts()).as("a stopped job starts no round")
                .isEqualTo(1);
    }

    @Test
    void a_send_the_shutdown_cannot_wait_for_is_given_back_and_sent_at_once_by_another_dispatcher() throws Exception {
        String challenge = initiateSms();
        OutboxDispatchJob job = new OutboxDispatchJob(dispatcher);
        CompletableFuture<Void> round = CompletableFuture.runAsync(job::dispatch);
        held.awaitArrival();
        job.shutdownGracefully();

        job.stop();

        OutboxRows.Row released = rows.single(challenge);
        assertThat(released.status()).isEqualTo("QUEUED");
        assertThat(released.attempts()).isEqualTo(1);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        held.awaitArrival();
        held.answer();
        held.answer();
        assertThat(other.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("due at once, not after the lease").isEqualTo(1);
        round.get(WAIT_SECONDS, TimeUnit.SECONDS);
        OutboxRows.Row sent = rows.single(challenge);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).as("the first send's late result was fenced off").isEqualTo(2);
        List<LoggedRequest> requests = gateway.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests.subList(requests.size() - 2, requests.size()))
                .extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(sent.id());
    }

    private String initiateSms() throws ApiException {
        ApiFixture api = new ApiFixture(server);
        String user = api.newUser(ApiFixture.newPhone(), null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        return challenge.getChallengeId();
    }
}
