package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.DeliveryStatus;
import com.plmr.mfa.domain.delivery.CodeMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.MDC;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transactional outbox on the real database: what is stored while a message waits, what is
 * left once it was delivered or expired, what the consumer and the operator see, and that a
 * failed initiate leaves nothing behind.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxDeliveryEndToEndTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    TestClock clock;
    @Inject
    MeterRegistry meters;
    @Inject
    FaultInjectingOutbox outbox;

    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final OutboxRows rows = new OutboxRows(database);
    private ApiFixture api;

    @Override
    public Map<String, String> getProperties() {
        return new HashMap<>(database);
    }

    @BeforeEach
    void setUp() {
        api = new ApiFixture(server);
    }

    @Test
    void a_queued_message_keeps_code_and_destination_sealed_and_a_sent_one_keeps_neither() throws ApiException {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);

        OutboxRows.Row queued = rows.single(challenge.getChallengeId());
        assertThat(queued.status()).isEqualTo("QUEUED");
        assertThat(queued.payload()).isNotEmpty();
        String dumpWhileQueued = rows.dumpWithoutContacts();
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getDelivery().getStatus())
                .isEqualTo(DeliveryStatus.QUEUED);

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        CodeMessage sent = provider.lastTo(phone).orElseThrow();

        assertThat(dumpWhileQueued).doesNotContain(sent.code().digits()).doesNotContain(phone).doesNotContain(phone.substring(1));
        OutboxRows.Row delivered = rows.single(challenge.getChallengeId());
        assertThat(delivered.status()).isEqualTo("SENT");
        assertThat(delivered.payload()).as("payload erased once delivered").isNull();
        assertThat(delivered.providerMessageId()).isEqualTo("recorded-" + delivered.id());
        assertThat(sent.messageId()).isEqualTo(delivered.id());
        assertThat(sent.idempotencyKey()).as("the key handed to the provider is the outbox row's").isEqualTo(delivered.id());
        assertThat(rows.dumpWithoutContacts()).doesNotContain(sent.code().digits()).doesNotContain(phone);
    }

    @Test
    void the_dispatcher_logs_a_message_s_delivery_with_the_id_of_the_request_that_queued_it() throws ApiException {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        HttpResponse<String> initiate = new RawHttp(server).send("POST",
                "/internal/v1/mfa/totp-sms/" + challenge.getChallengeId() + ":initiate", TestTokens.user(user), null,
                null, "X-Request-Id", "initiate-7c2e");
        assertThat(initiate.statusCode()).isEqualTo(200);

        dispatcher.dispatchDue();

        CodeMessage sent = provider.lastTo(phone).orElseThrow();
        assertThat(provider.requestIdWhileSending(sent.messageId())).contains("initiate-7c2e");
        assertThat(MDC.get("requestId")).as("nothing left in the dispatcher thread's context").isNull();
    }

    @Test
    void the_consumer_sees_the_delivery_status_on_the_challenge() throws ApiException {
        String user = api.newUser(null, "status.reader@example.com");
        Challenge challenge = api.newChallenge(user, ChallengeMethod.EMAIL);
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getDelivery()).isNull();

        api.email(user).initiateEmail(challenge.getChallengeId(), null);
        dispatcher.dispatchDue();

        var delivery = api.challenges().getChallenge(challenge.getChallengeId()).getDelivery();
        assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.getMethod()).isEqualTo(ChallengeMethod.EMAIL);
        assertThat(delivery.getAttempts()).isEqualTo(1);
    }

    @Test
    void a_message_whose_code_expired_before_dispatch_is_never_sent_and_is_erased() throws ApiException {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        double expiredBefore = count("sms", "expired");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        dispatcher.dispatchDue();

        assertThat(provider.lastTo(phone)).isEmpty();
        OutboxRows.Row expired = rows.single(challenge.getChallengeId());
        assertThat(expired.status()).isEqualTo("EXPIRED");
        assertThat(expired.payload()).isNull();
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getDelivery().getStatus())
                .isEqualTo(DeliveryStatus.EXPIRED);
        assertThat(count("sms", "expired")).isEqualTo(expiredBefore + 1);
    }

    @Test
    void each_recorded_result_is_counted_by_channel_and_status_and_scraped_only_with_a_token()
            throws ApiException, IOException, InterruptedException {
        double before = count("sms", "sent");
        String user = api.newUser(ApiFixture.newPhone(), null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        api.sms(user).initiateSms(challenge.getChallengeId(), null);
        dispatcher.dispatchDue();

        assertThat(count("sms", "sent")).isEqualTo(before + 1);
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape(TestTokens.user(user)).statusCode()).isEqualTo(403);
        assertThat(scrape(TestTokens.service("payments", TestTokens.ALL_SCOPES)).statusCode()).isEqualTo(403);
        HttpResponse<String> scraped = scrape(TestTokens.service("prometheus", ManagementEndpointRule.METRICS_SCOPE));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("mfa_delivery_outcomes_total{channel=\"sms\",status=\"sent\"}");
    }

    @Test
    void an_initiate_that_fails_after_the_enqueue_leaves_neither_a_message_nor_a_new_code() throws ApiException {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        String codeStateBefore = rows.codeState(challenge.getChallengeId());

        try (RecordedLog failure = RecordedLog.unexpectedFailures().start()) {
            outbox.failNextEnqueue();
            assertThatThrownBy(() -> api.sms(user).initiateSms(challenge.getChallengeId(), null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(500));
        }

        assertThat(rows.forChallenge(challenge.getChallengeId())).isEmpty();
        assertThat(rows.codeState(challenge.getChallengeId())).isEqualTo(codeStateBefore).contains("sends=0 hash=false");
        dispatcher.dispatchDue();
        assertThat(provider.lastTo(phone)).isEmpty();
        assertThat(api.challenges().getChallenge(challenge.getChallengeId()).getDelivery()).isNull();
    }

    @Test
    void a_sender_that_throws_for_one_message_leaves_it_to_a_retry_and_the_others_are_sent() throws ApiException {
        String broken = ApiFixture.newPhone();
        String fine = ApiFixture.newPhone();
        String brokenUser = api.newUser(broken, null);
        String fineUser = api.newUser(fine, null);
        Challenge first = api.newChallenge(brokenUser, ChallengeMethod.SMS);
        Challenge second = api.newChallenge(fineUser, ChallengeMethod.SMS);
        provider.failFor(broken, new IllegalStateException("template sms_xx.txt missing"));
        try {
            api.sms(brokenUser).initiateSms(first.getChallengeId(), null);
            api.sms(fineUser).initiateSms(second.getChallengeId(), null);

            assertThat(dispatcher.dispatchDue()).isEqualTo(2);

            assertThat(provider.lastTo(fine)).isPresent();
            assertThat(rows.single(second.getChallengeId()).status()).isEqualTo("SENT");
            OutboxRows.Row failed = rows.single(first.getChallengeId());
            assertThat(failed.status()).isEqualTo("RETRYING");
            assertThat(failed.lastError()).isEqualTo("dispatch error (IllegalStateException)");
            assertThat(failed.payload()).as("kept for the retry").isNotEmpty();
        } finally {
            provider.stopFailing(broken);
        }
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();

        assertThat(provider.lastTo(broken)).isPresent();
        assertThat(rows.single(first.getChallengeId()).status()).isEqualTo("SENT");
        assertThat(rows.single(first.getChallengeId()).attempts()).isEqualTo(2);
    }

    private double count(String channel, String status) {
        var counter = meters.find(MicrometerDeliveryMetrics.OUTCOMES).tag("channel", channel).tag("status", status)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> scrape(String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + "/prometheus")).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
