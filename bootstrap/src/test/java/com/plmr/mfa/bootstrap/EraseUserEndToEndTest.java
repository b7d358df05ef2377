package com.plmr.mfa.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.client.model.ChallengeMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a user over HTTP on the real database: every row of that user goes, in one transaction,
 * nothing of another user does, the answer counts what went, a pseudonymous line records it, and
 * only a service holding {@code mfa.users.erase} may do it.
 */
@MicronautTest(transactional = false)
class EraseUserEndToEndTest extends EndToEndTest {

    private static final String ERASER = TestTokens.service("privacy-desk", "mfa.users.erase");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> database = TestDatabase.properties();
    private final RetentionRows rows = new RetentionRows(database);
    @RegisterExtension
    final RecordedLog records = RecordedLog.of(LoggedErasures.LOGGER, Level.INFO);

    @Override
    public Map<String, String> getProperties() {
        return database;
    }

    /**
     * A user with both contacts, an authenticator app, recovery codes, a challenge with a sent code and a
     * wrong guess.
     */
    private String userWithEverything() throws Exception {
        String user = api.newUser(ApiFixture.newPhone(), "erase-me@example.com");
        TotpClients.start(server, user);
        http.json("POST", "/resources/v3alpha/users/" + user + "/recovery_codes", TestTokens.user(user), null);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        api.sms(user).initiateSms(challenge, null);
        http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":verify", TestTokens.user(user),
                "{\"totp\":\"000000\"}");
        return user;
    }

    private Map<String, Integer> stored(String user) {
        return Map.of(
                "contacts", count("SELECT id FROM user_contact WHERE user_id = '" + user + "'"),
                "totpRegistrations", count("SELECT id FROM totp_registration WHERE user_id = '" + user + "'"),
                "challenges", count("SELECT id FROM challenge WHERE user_id = '" + user + "'"),
                "outboxMessages", count("SELECT o.id FROM outbox_message o JOIN challenge c ON c.id = o.challenge_id"
                        + " WHERE c.user_id = '" + user + "'"),
                "sendQuotas", count("SELECT quota_key FROM send_quota WHERE quota_key = 'u:" + user + "'"),
                "failureStreaks", count("SELECT user_id FROM verify_failure_streak WHERE user_id = '" + user + "'"),
                "recoveryCodes", count("SELECT user_id FROM recovery_code WHERE user_id = '" + user + "'"));
    }

    private int count(String select) {
        return rows.ids(select).size();
    }

    @Test
    void erases_every_row_of_the_user_and_nothing_of_another() throws Exception {
        String erased = userWithEverything();
        String kept = userWithEverything();
        Map<String, Integer> before = stored(erased);
        assertThat(before).containsEntry("contacts", 2).containsEntry("totpRegistrations", 1)
                .containsEntry("challenges", 1).containsEntry("outboxMessages", 1).containsEntry("failureStreaks", 1);
        assertThat(before.get("sendQuotas")).isPositive();
        List<String> challengesOfErased = rows.ids("SELECT id FROM challenge WHERE user_id = '" + erased + "'");

        HttpResponse<String> response = http.json("DELETE", "/resources/v3alpha/users/" + erased, ERASER, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/details/id").asText()).isEqualTo(erased);
        before.forEach((kind, count) -> assertThat(body.at("/erased/" + kind).asInt()).as(kind).isEqualTo(count));
        assertThat(stored(erased)).allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
        assertThat(rows.ids("SELECT id FROM outbox_message WHERE challenge_id = '" + challengesOfErased.get(0) + "'"))
                .isEmpty();
        assertThat(stored(kept)).isEqualTo(before);
    }

    @Test
    void records_the_erasure_under_a_keyed_pseudonym_never_the_user_id() throws Exception {
        String user = userWithEverything();

        http.json("DELETE", "/resources/v3alpha/users/" + user, ERASER, null);

        assertThat(records.events()).singleElement().extracting(ILoggingEvent::getFormattedMessage).satisfies(line -> {
            assertThat(line).matches("erased user pseudonym=[A-Za-z0-9_-]{43} at=\\S+ contacts=2 totpRegistrations=1"
                    + " challenges=1 outboxMessages=1 sendQuotas=\\d+ failureStreaks=1 recoveryCodes=10");
            assertThat(line).doesNotContain(user).doesNotContain(user.substring(2));
        });
    }

    @Test
    void erasing_a_user_of_whom_nothing_is_stored_succeeds_with_nothing_erased() {
        HttpResponse<String> response = http.json("DELETE", "/resources/v3alpha/users/u-never-seen", ERASER, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"contacts\":0", "\"challenges\":0", "\"failureStreaks\":0");
    }

    @Test
    void refuses_a_service_without_the_scope_and_the_user_itself_with_403_and_erases_nothing() throws Exception {
        String user = userWithEverything();
        Map<String, Integer> before = stored(user);

        for (String token : List.of(TestTokens.service("payments", "mfa.factors.manage mfa.challenges.create"),
                TestTokens.user(user))) {
            HttpResponse<String> response = http.json("DELETE", "/resources/v3alpha/users/" + user, token, null);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("\"code\":7");
        }
        assertThat(stored(user)).isEqualTo(before);
        assertThat(records.events()).isEmpty();
    }

    @Test
    void answers_a_user_id_outside_its_pattern_with_404_in_the_status_shape() {
        HttpResponse<String> response = http.json("DELETE", "/resources/v3alpha/users/bad!id", ERASER, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":5");
        assertThat(records.events()).isEmpty();
    }

    @Test
    void refuses_a_caller_without_a_token_with_401() throws Exception {
        String user = userWithEverything();

        HttpResponse<String> response = http.json("DELETE", "/resources/v3alpha/users/" + user, null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":16");
        assertThat(stored(user).get("contacts")).isEqualTo(2);
    }
}
