package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.ContentPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.plmr.mfa.adapter.out.notify.Gsm7;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.DeliveryStatus;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.StepUpMethod;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS codes through a real HTTP gateway (WireMock on a free port), the same scenarios for every
 * gateway: accepted, refused for good (4xx), failing for now (5xx) until the attempt limit, too
 * slow to answer, slow but in time. The subclasses say what the gateway's requests look like.
 * Every test uses a phone number of its own, so stubs and requests are matched by it.
 */
abstract class SmsGatewayEndToEndTest implements TestPropertyProvider {

    static final int MAX_ATTEMPTS = 3;
    static final Duration BASE_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_DELAY = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    EmbeddedServer server;
    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    TestClock clock;
    @Inject
    MeterRegistry meters;

    final WireMockServer gateway = LocalGateway.started();
    /** The sender's warnings about the refusals and failures the gateway is told to answer. */
    @RegisterExtension
    final RecordedLog senderLines = RecordedLog.of("com.plmr.mfa.adapter.out.notify", Level.WARN);
    private final Map<String, String> database = TestDatabase.isolatedProperties();
    private final OutboxRows rows = new OutboxRows(database);
    private ApiFixture api;

    /** The gateway's settings, pointed at {@code baseUrl}. */
    abstract Map<String, String> gatewayProperties(String baseUrl);

    abstract String path();

    /** Matches the request body of a message to this phone number. */
    abstract ContentPattern<?> toPhone(String phone);

    abstract String idempotencyHeader();

    abstract String acceptedBody();

    /** The SMS text in the request. */
    abstract String smsText(LoggedRequest request);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.putAll(gatewayProperties("http://127.0.0.1:" + gateway.port()));
        properties.put("mfa.test.recording-sender", "false");
        properties.put("mfa.outbox.max-attempts", Integer.toString(MAX_ATTEMPTS));
        properties.put("mfa.outbox.base-delay", BASE_DELAY.toSeconds() + "s");
        properties.put("mfa.outbox.max-delay", MAX_DELAY.toSeconds() + "s");
        return properties;
    }

    @BeforeEach
    void setUp() {
        api = new ApiFixture(server);
    }

    @AfterAll
    void stopGateway() {
        gateway.stop();
    }

    @Test
    void an_accepted_sms_carries_the_code_and_the_idempotency_key_and_verifies_the_challenge() throws ApiException {
        String phone = ApiFixture.newPhone();
        respond(phone, aResponse().withStatus(201).withBody(acceptedBody()));
        Sms sms = initiate(phone, null);

        dispatcher.dispatchDue();

        LoggedRequest request = single(requestsTo(phone));
        OutboxRows.Row row = rows.single(sms.challengeId());
        assertThat(request.getHeader(idempotencyHeader())).isEqualTo(row.id());
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.payload()).isNull();
        String text = smsText(request);
        assertThat(text).startsWith("Code ").contains("to approve: payment of EUR 40 to ACME").endsWith("Never share it.");
        assertThat(delivery(sms)).isEqualTo(DeliveryStatus.SENT);
        assertThat(api.sms(sms.user()).verifySms(sms.challengeId(), new VerifyOtpRequest().totp(code(text)))
                .getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"de", "fr-FR, de;q=0.8", "de-CH;q=0.7, en;q=0.6", "en;q=0, de;q=0.1"})
    void an_initiate_accepting_german_first_produces_a_german_sms(String acceptLanguage) throws ApiException {
        String phone = ApiFixture.newPhone();
        respond(phone, aResponse().withStatus(200).withBody(acceptedBody()));
        Sms sms = initiate(phone, acceptLanguage);

        dispatcher.dispatchDue();

        String text = smsText(single(requestsTo(phone)));
        assertThat(text).contains("zur Freigabe: payment of EUR 40 to ACME").contains("Gültig 5 Minuten")
                .endsWith("Niemals weitergeben.");
        assertThat(api.sms(sms.user()).verifySms(sms.challengeId(), new VerifyOtpRequest().totp(code(text)))
                .getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
            "en|to approve: €1,234.50 to Müller & Söhne GmbH.",
            "de|zur Freigabe: 1.234,50 € an Müller & Söhne GmbH."})
    void a_payment_sms_shows_the_amount_and_the_payee_in_the_users_language_in_one_gsm7_segment(String language,
                                                                                                String shown)
            throws ApiException {
        String phone = ApiFixture.newPhone();
        respond(phone, aResponse().withStatus(201).withBody(acceptedBody()));
        String user = api.newUser(phone, null);
        Challenge challenge = api.challenges().createChallenge(new CreateChallengeRequest().userId(user)
                .context(new StepUpContext().operation("payment").reference("pay-sms")
                        .transaction(TransactionDetailsEndToEndTest.payment("1234.5", "EUR")))
                .allowedMethods(Set.of(StepUpMethod.SMS)));
        api.sms(user).initiateSms(challenge.getChallengeId(), language);

        dispatcher.dispatchDue();

        String text = smsText(single(requestsTo(phone)));
        assertThat(text).contains(shown);
        assertThat(Gsm7.fitsOneGsm7Segment(text)).as(text).isTrue();
        assertThat(api.sms(user).verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(code(text)))
                .getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @Test
    void a_refused_sms_fails_at_once_and_is_never_retried() throws ApiException {
        String phone = ApiFixture.newPhone();
        respond(phone, aResponse().withStatus(400).withBody("{\"code\": 21211, \"message\": \"invalid To\"}"));
        Sms sms = initiate(phone, null);
        double failedBefore = count("failed");

        dispatcher.dispatchDue();
        clock.advance(MAX_DELAY);
        dispatcher.dispatchDue();

        assertThat(requestsTo(phone)).hasSize(1);
        OutboxRows.Row row = rows.single(sms.challengeId());
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("http 400");
        assertThat(row.payload()).isNull();
        assertThat(delivery(sms)).isEqualTo(DeliveryStatus.FAILED);
        assertThat(count("failed")).isEqualTo(failedBefore + 1);
    }

    @Test
    void a_failing_gateway_is_retried_with_backoff_until_the_attempt_limit() throws ApiException {
        String phone = ApiFixture.newPhone();
        respond(phone, aResponse().withStatus(503));
        Sms sms = initiate(phone, null);
        double retryingBefore = count("retrying");

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            dispatcher.dispatchDue();
            OutboxRows.Row row = rows.single(sms.challengeId());
            assertThat(row.status()).isEqualTo("RETRYING");
            assertThat(row.attempts()).isEqualTo(attempt);
            Duration cap = BASE_DELAY.multipliedBy(1L << (attempt - 1));
            assertThat(Duration.between(now, row.nextAttemptAt())).as("equal jitter: between cap/2 and cap")
                    .isBetween(cap.dividedBy(2), cap);
            assertThat(delivery(sms)).isEqualTo(DeliveryStatus.RETRYING);

            dispatcher.dispatchDue();
            assertThat(requestsTo(phone)).as("not due before its time").hasSize(attempt);
            clock.advance(MAX_DELAY);
        }
        dispatcher.dispatchDue();

        assertThat(requestsTo(phone)).hasSize(MAX_ATTEMPTS);
        OutboxRows.Row row = rows.single(sms.challengeId());
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.lastError()).contains("http 503");
        assertThat(row.payload()).isNull();
        assertThat(delivery(sms)).isEqualTo(DeliveryStatus.FAILED);
        assertThat(count("retrying")).isEqualTo(retryingBefore + MAX_ATTEMPTS - 1);
        clock.advance(MAX_DELAY);
        dispatcher.dispatchDue();
        assertThat(requestsTo(phone)).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void a_gateway_that_answers_too_late_is_retried_and_the_retry_delivers() throws ApiException {
        String phone = ApiFixture.newPhone();
        respond(phone, aResponse().withStatus(200).withBody(acceptedBody())
                .withFixedDelay((int) REQUEST_TIMEOUT.multipliedBy(2).toMillis()));
        Sms sms = initiate(phone, null);

        dispatcher.dispatchDue();

        OutboxRows.Row timedOut = rows.single(sms.challengeId());
        assertThat(timedOut.status()).isEqualTo("RETRYING");
        assertThat(timedOut.lastError()).contains("request timeout");

        gateway.resetMappings();
        respond(phone, aResponse().withStatus(200).withBody(acceptedBody()));
        clock.advance(MAX_DELAY);
        dispatcher.dispatchDue();

        List<LoggedRequest> requests = requestsTo(phone);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader(idempotencyHeader()))
                .as("the retry is the same message").isEqualTo(requests.get(0).getHeader(idempotencyHeader()));
        assertThat(rows.single(sms.challengeId()).status()).isEqualTo("SENT");
        assertThat(api.sms(sms.user()).verifySms(sms.challengeId(),
                new VerifyOtpRequest().totp(code(smsText(requests.get(1))))).getStatus())
                .isEqualTo(ChallengeStatus.VERIFIED);
    }

    @Test
    void a_slow_gateway_that_answers_in_time_delivers_at_the_first_attempt() throws ApiException {
        String phone = ApiFixture.newPhone();
        respond(phone, aResponse().withStatus(200).withBody(acceptedBody())
                .withFixedDelay((int) REQUEST_TIMEOUT.dividedBy(3).toMillis()));
        Sms sms = initiate(phone, null);

        dispatcher.dispatchDue();

        OutboxRows.Row row = rows.single(sms.challengeId());
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
    }

    record Sms(String user, String challengeId) {
    }

    private Sms initiate(String phone, String acceptLanguage) throws ApiException {
        String user = api.newUser(phone, null);
        Challenge challenge = api.newChallenge(user, ChallengeMethod.SMS);
        api.sms(user).initiateSms(challenge.getChallengeId(), acceptLanguage);
        return new Sms(user, challenge.getChallengeId());
    }

    private void respond(String phone, ResponseDefinitionBuilder response) {
        gateway.stubFor(post(urlEqualTo(path())).withRequestBody(toPhone(phone))
                .willReturn(response.withHeader("Content-Type", "application/json")));
    }

    private List<LoggedRequest> requestsTo(String phone) {
        return gateway.findAll(postRequestedFor(urlEqualTo(path())).withRequestBody(toPhone(phone)));
    }

    private static LoggedRequest single(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private DeliveryStatus delivery(Sms sms) throws ApiException {
        return api.challenges().getChallenge(sms.challengeId()).getDelivery().getStatus();
    }

    private double count(String status) {
        var counter = meters.find(MicrometerDeliveryMetrics.OUTCOMES).tag("channel", "sms").tag("status", status)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String code(String text) {
        Matcher matcher = SIX_DIGITS.matcher(text);
        assertThat(matcher.find()).as("a six-digit code in " + text.length() + " characters").isTrue();
        return matcher.group(1);
    }
}
