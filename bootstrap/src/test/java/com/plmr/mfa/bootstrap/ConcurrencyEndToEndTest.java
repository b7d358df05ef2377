package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.TotpSmsApi;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import com.plmr.mfa.client.model.VerifyTotpRegistrationRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static com.plmr.mfa.bootstrap.TotpClients.appCode;
import static com.plmr.mfa.bootstrap.TotpClients.wrongCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies racing on one challenge, on the real database, against one and against two service
 * instances sharing it: a right code verifies exactly once, and wrong codes never get more
 * evaluations than the attempt budget; wrong app codes racing on several challenges of one user
 * (which lock the user's streak and app, in one order, from different challenges) all count, on
 * every row they change.
 */
@MicronautTest(transactional = false)
class ConcurrencyEndToEndTest extends EndToEndTest {

    private static final int BUDGET = 5;
    private static final String PHONE = "+4915100000099";

    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;
    EmbeddedServer secondInstance;
    ApiFixture first;
    ApiFixture second;

    /**
     * Every racing request is evaluated: none is shed by admission control, nor refused for
     * waiting on the pool (AdmissionEndToEndTest and DatabaseOutageEndToEndTest prove those).
     */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(TestDatabase.properties());
        properties.put("mfa.http.max-concurrent-requests", "1000");
        properties.put("mfa.database.connection-timeout", "60s");
        return properties;
    }

    @BeforeAll
    void startSecondInstance() {
        secondInstance = ApplicationContext.run(EmbeddedServer.class, Map.<String, Object>copyOf(getProperties()), "test");
        first = new ApiFixture(server);
        second = new ApiFixture(secondInstance);
    }

    @AfterAll
    void stopSecondInstance() {
        secondInstance.stop();
    }

    @Test
    void fifty_parallel_verifies_of_the_right_code_give_exactly_one_success() throws Exception {
        assertRightCodeVerifiesOnce(i -> first);
    }

    @Test
    void two_hundred_parallel_wrong_codes_are_evaluated_at_most_the_attempt_budget() throws Exception {
        assertWrongCodesStayWithinBudget(i -> first);
    }

    @Test
    void two_instances_sharing_the_database_keep_both_properties() throws Exception {
        assertRightCodeVerifiesOnce(i -> i % 2 == 0 ? first : second);
        assertWrongCodesStayWithinBudget(i -> i % 2 == 0 ? first : second);
    }

    @Test
    void wrong_app_codes_racing_on_two_challenges_of_one_user_count_on_both_challenges_the_streak_and_the_app()
            throws Exception {
        String user = TotpClients.newUser();
        StartTotpRegistrationResponse app = TotpClients.start(server, user);
        TotpClients.totpOf(server, user).verifyTotpRegistration(user, app.getTotpId(),
                new VerifyTotpRegistrationRequest().code(appCode(app, clock.instant())));
        clock.advance(Duration.ofMinutes(1));
        List<String> challenges = List.of(first.newChallenge(user, ChallengeMethod.APP).getChallengeId(),
                first.newChallenge(user, ChallengeMethod.APP).getChallengeId());
        String wrong = wrongCode(app, clock.instant());

        List<Integer> statuses = race(100, i -> appVerify(user, challenges.get(i % 2), wrong));

        // the tenth wrong code, the last either budget admits, is the app's tenth failure: it locks the app
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(2 * BUDGET);
        assertThat(statuses).filteredOn(s -> s != 400).containsOnly(410);
        for (String challenge : challenges) {
            assertThat(first.challenges().getChallenge(challenge).getStatus()).isEqualTo(ChallengeStatus.LOCKED);
        }
        assertThat(row("SELECT failures FROM verify_failure_streak WHERE user_id = ?", user)).isEqualTo(2 * BUDGET);
        assertThat(row("SELECT lockouts FROM totp_registration WHERE id = ?", app.getTotpId())).isEqualTo(1);
        assertThat(TotpClients.consecutiveFailures(app)).isZero();
    }

    private int appVerify(String user, String challenge, String code) {
        try {
            return TotpClients.postAs(server, user, "/internal/v1/mfa/totp-app/" + challenge + ":verify",
                    "{\"totp\":\"" + code + "\"}").statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int row(String query, String key) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), "root", "");
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getInt(1);
            }
        }
    }

    private void assertRightCodeVerifiesOnce(IntFunction<ApiFixture> instance) throws Exception {
        String user = first.newUser(PHONE, null);
        Challenge challenge = first.newChallenge(user);
        first.sms(user).initiateSms(challenge.getChallengeId(), null);
        dispatcher.dispatchDue();
        String code = provider.lastTo(PHONE).orElseThrow().code().digits();

        List<Integer> statuses = race(50, i -> verify(instance.apply(i).sms(user), challenge, code));

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(410);
        assertThat(first.challenges().getChallenge(challenge.getChallengeId()).getStatus())
                .isEqualTo(ChallengeStatus.VERIFIED);
    }

    private void assertWrongCodesStayWithinBudget(IntFunction<ApiFixture> instance) throws Exception {
        String user = first.newUser(PHONE, null);
        Challenge challenge = first.newChallenge(user);
        first.sms(user).initiateSms(challenge.getChallengeId(), null);
        dispatcher.dispatchDue();
        String right = provider.lastTo(PHONE).orElseThrow().code().digits();
        String wrong = right.equals("000000") ? "111111" : "000000";

        List<Integer> statuses = race(200, i -> verify(instance.apply(i).sms(user), challenge, wrong));

        assertThat(statuses).filteredOn(s -> s == 400).hasSize(BUDGET);
        assertThat(statuses).filteredOn(s -> s != 400).containsOnly(410);
        Challenge after = first.challenges().getChallenge(challenge.getChallengeId());
        assertThat(after.getStatus()).isEqualTo(ChallengeStatus.LOCKED);
        assertThat(after.getAttemptsRemaining()).isZero();
    }

    private static int verify(TotpSmsApi api, Challenge challenge, String code) {
        try {
            api.verifySms(challenge.getChallengeId(), new VerifyOtpRequest().totp(code));
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    private static List<Integer> race(int requests, IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(requests, 50));
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int index = i;
                calls.add(() -> request.apply(index));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
