package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.plmr.mfa.adapter.in.rest.Base32Decoding;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.ChallengesApi;
import com.plmr.mfa.client.api.TotpAppApi;
import com.plmr.mfa.client.api.UserTotpApi;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.OwnerType;
import com.plmr.mfa.client.model.StartTotpRegistrationRequest;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.StepUpMethod;
import com.plmr.mfa.client.model.TotpRegistration;
import com.plmr.mfa.client.model.TotpState;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import com.plmr.mfa.client.model.VerifyTotpRegistrationRequest;
import com.plmr.mfa.client.model.VerifyTotpRegistrationResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.plmr.mfa.bootstrap.TotpClients.appCode;
import static com.plmr.mfa.bootstrap.TotpClients.assertStatus;
import static com.plmr.mfa.bootstrap.TotpClients.newUser;
import static com.plmr.mfa.bootstrap.TotpClients.totpOf;
import static com.plmr.mfa.bootstrap.TotpClients.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Authenticator-app registrations and app-verified challenges over HTTP, through the generated SDK, on MySQL. */
@MicronautTest(transactional = false)
class TotpRegistrationEndToEndTest extends EndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @BeforeEach
    void resetClock() {
        clock.set(T0);
    }

    private StartTotpRegistrationResponse start(String user) throws ApiException {
        return TotpClients.start(server, user);
    }

    private VerifyTotpRegistrationResponse verify(String user, StartTotpRegistrationResponse started, String code)
            throws ApiException {
        return TotpClients.verify(server, user, started, code);
    }

    private ApiException refusedVerify(String user, StartTotpRegistrationResponse started, String code) {
        return TotpClients.refusedVerify(server, user, started, code);
    }

    @Test
    void start_answers_the_secret_the_key_uri_and_a_qr_code_of_that_uri() throws Exception {
        String user = newUser();

        StartTotpRegistrationResponse started = start(user);

        assertThat(Base32Decoding.decode(started.getSecret())).hasSize(20);
        assertThat(started.getUri()).isEqualTo("otpauth://totp/mfa-totp:" + user + "?secret=" + started.getSecret()
                + "&issuer=mfa-totp&algorithm=SHA1&digits=6&period=30");
        assertThat(started.getDetails().getId()).isEqualTo(started.getTotpId());
        assertThat(started.getDetails().getOwner().getType()).isEqualTo(OwnerType.INSTANCE);
        assertThat(started.getQrCode()).startsWith("data:image/png;base64,");
        assertThat(decodeQr(started.getQrCode())).isEqualTo(started.getUri());
    }

    @Test
    void the_app_code_activates_the_registration_and_the_answer_is_only_details() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);

        HttpResponse<String> response = rawVerify(user, started.getTotpId(), appCode(started, T0));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TotpClients.json(response.body());
        assertThat(fieldNames(body)).containsExactly("details");
        assertThat(fieldNames(body.get("details"))).containsExactlyInAnyOrder("id", "created", "changed", "owner");
        assertThat(fieldNames(body.get("details").get("owner"))).containsExactlyInAnyOrder("type", "id");
        assertThat(body.get("details").get("id").asText()).isEqualTo(started.getTotpId());
        assertThat(totpOf(server, user).listTotpRegistrations(user).getResult())
                .extracting(TotpRegistration::getState).containsExactly(TotpState.ACTIVE);
    }

    @Test
    void a_wrong_code_is_refused_with_400_in_the_status_shape() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);

        ApiException refused = refusedVerify(user, started, wrongCode(started, T0));

        assertStatus(refused, 400, 3, "INVALID_OTP");
        assertThat(TotpClients.body(refused).path("message").asText()).startsWith("The code is wrong");
        assertThat(TotpClients.body(refused).path("details").path(0).path("metadata").path("reason").asText())
                .isEqualTo("CODE_WRONG");
    }

    @Test
    void the_enrolment_code_is_refused_when_replayed_after_activation() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);
        String code = appCode(started, T0);
        verify(user, started, code);
        clock.advance(Duration.ofSeconds(10));

        ApiException replayed = refusedVerify(user, started, code);

        assertStatus(replayed, 400, 3, "INVALID_OTP");
        assertThat(TotpClients.body(replayed).path("message").asText()).contains("already used");
    }

    @Test
    void another_users_token_is_forbidden() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);
        UserTotpApi mallory = totpOf(server, newUser());

        ApiException onVerify = catchThrowableOfType(ApiException.class, () -> mallory.verifyTotpRegistration(user,
                started.getTotpId(), new VerifyTotpRegistrationRequest().code(appCode(started, T0))));
        ApiException onStart = catchThrowableOfType(ApiException.class,
                () -> mallory.startTotpRegistration(user, new StartTotpRegistrationRequest()));

        assertStatus(onVerify, 403, 7, "FORBIDDEN");
        assertStatus(onStart, 403, 7, "FORBIDDEN");
    }

    @Test
    void an_unknown_registration_is_not_found() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);
        String otherUser = newUser();

        ApiException unknownId = catchThrowableOfType(ApiException.class, () -> totpOf(server, user)
                .verifyTotpRegistration(user, "no-such-registration", new VerifyTotpRegistrationRequest().code("123456")));
        ApiException otherOwner = catchThrowableOfType(ApiException.class, () -> totpOf(server, otherUser)
                .verifyTotpRegistration(otherUser, started.getTotpId(),
                        new VerifyTotpRegistrationRequest().code("123456")));

        assertStatus(unknownId, 404, 5, "USER_NOT_FOUND");
        assertStatus(otherOwner, 404, 5, "USER_NOT_FOUND");
    }

    @Test
    void the_list_shows_the_registrations_without_their_secrets() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);

        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/resources/v3alpha/users/" + user + "/totp"))
                .header("Authorization", "Bearer " + TestTokens.user(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(started.getTotpId()).doesNotContain(started.getSecret())
                .doesNotContain("secret").doesNotContain("otpauth");
        TotpRegistration only = totpOf(server, user).listTotpRegistrations(user).getResult().get(0);
        assertThat(only.getState()).isEqualTo(TotpState.UNVERIFIED);
        assertThat(only.getAccountName()).isEqualTo(user);
    }

    @Test
    void remove_deletes_the_registration() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);
        UserTotpApi api = totpOf(server, user);

        assertThat(api.removeTotpRegistration(user, started.getTotpId()).getDetails().getId())
                .isEqualTo(started.getTotpId());

        assertThat(api.listTotpRegistrations(user).getResult()).isEmpty();
        assertStatus(catchThrowableOfType(ApiException.class,
                () -> api.removeTotpRegistration(user, started.getTotpId())), 404, 5, "USER_NOT_FOUND");
    }

    @Test
    void a_challenge_is_verified_with_an_app_code_which_a_second_challenge_then_refuses() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);
        verify(user, started, appCode(started, T0));
        clock.advance(Duration.ofSeconds(30));
        String code = appCode(started, clock.instant());
        TotpAppApi app = new TotpAppApi(TotpClients.client(server, TestTokens.user(user)));

        Challenge verified = app.verifyApp(newAppChallenge(user).getChallengeId(), new VerifyOtpRequest().totp(code));
        ApiException replayed = catchThrowableOfType(ApiException.class, () -> app.verifyApp(
                newAppChallenge(user).getChallengeId(), new VerifyOtpRequest().totp(code)));

        assertThat(verified.getStatus()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(replayed.getCode()).isEqualTo(400);
        assertThat(TotpClients.body(replayed).path("code").asText()).isEqualTo("urn:plmr:mfa-totp:api:INVALID_OTP");
        assertThat(TotpClients.body(replayed).path("message").asText()).contains("already used");
    }

    @Test
    void the_database_holds_no_secret_in_clear() throws Exception {
        StartTotpRegistrationResponse started = start(newUser());
        byte[] raw = Base32Decoding.decode(started.getSecret());
        byte[] text = started.getSecret().getBytes(StandardCharsets.US_ASCII);

        List<byte[]> cells = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), "root", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM totp_registration")) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    byte[] bytes = rows.getBytes(column);
                    if (bytes != null) {
                        cells.add(bytes);
                        cells.add(rows.getString(column).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }

        assertThat(cells).isNotEmpty();
        String hexSecret = HexFormat.of().formatHex(raw);
        for (byte[] cell : cells) {
            assertThat(indexOf(cell, raw)).isNegative();
            assertThat(indexOf(cell, text)).isNegative();
            assertThat(new String(cell, StandardCharsets.ISO_8859_1).toLowerCase()).doesNotContain(hexSecret);
        }
    }

    @Test
    void two_instances_accept_one_valid_code_exactly_once() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);
        String code = appCode(started, T0);
        EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class,
                new HashMap<String, Object>(TestDatabase.properties()), "test");
        try {
            other.getApplicationContext().getBean(TestClock.class).set(T0);

            List<Integer> statuses = parallelVerifies(List.of(server, other, server, other, server, other),
                    user, started.getTotpId(), code);

            assertThat(statuses).containsOnlyOnce(200);
            assertThat(statuses.stream().filter(status -> status == 400).count()).isEqualTo(statuses.size() - 1);
        } finally {
            other.getApplicationContext().close();
        }
    }

    @Test
    void ten_wrong_codes_lock_the_registration_until_the_cool_down_has_passed() throws Exception {
        String user = newUser();
        StartTotpRegistrationResponse started = start(user);
        for (int i = 0; i < 10; i++) {
            assertStatus(refusedVerify(user, started, wrongCode(started, T0)), 400, 3, "INVALID_OTP");
        }

        ApiException locked = refusedVerify(user, started, appCode(started, T0));

        assertStatus(locked, 429, 8, "TOO_MANY_REQUESTS");
        assertThat(locked.getResponseHeaders().firstValue("Retry-After")).contains("300");
        clock.advance(Duration.ofMinutes(4));
        assertThat(refusedVerify(user, started, appCode(started, clock.instant())).getCode()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        assertThat(verify(user, started, appCode(started, clock.instant())).getDetails().getId())
                .isEqualTo(started.getTotpId());
    }

    private Challenge newAppChallenge(String user) throws ApiException {
        ChallengesApi challenges = new ChallengesApi(TotpClients.client(server,
                TestTokens.service("payments", TestTokens.ALL_SCOPES)));
        return challenges.createChallenge(new CreateChallengeRequest().userId(user)
                .context(new StepUpContext().operation("payment").reference("pay-" + UUID.randomUUID()))
                .allowedMethods(Set.of(StepUpMethod.APP)));
    }

    private HttpResponse<String> rawVerify(String user, String totpId, String code) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI()
                        .resolve("/resources/v3alpha/users/" + user + "/totp/" + totpId + "/_verify"))
                .header("Authorization", "Bearer " + TestTokens.user(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Integer> parallelVerifies(List<EmbeddedServer> servers, String user, String totpId,
                                                  String code) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (EmbeddedServer target : servers) {
                Callable<Integer> call = () -> {
                    go.await();
                    try {
                        totpOf(target, user).verifyTotpRegistration(user, totpId,
                                new VerifyTotpRegistrationRequest().code(code));
                        return 200;
                    } catch (ApiException e) {
                        return e.getCode();
                    }
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String decodeQr(String dataUri) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
