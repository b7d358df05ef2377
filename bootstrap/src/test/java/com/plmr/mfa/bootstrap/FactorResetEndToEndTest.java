package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.ChallengeStatus;
import com.plmr.mfa.domain.notice.NoticeKind;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator's reset of a user's factors over HTTP on the real database: it removes the
 * factors of every kind (contacts, authenticator apps, recovery codes) or of the one named, cancels the user's pending challenges, keeps its reason
 * in the audit trail, tells the user at the address the reset removes, touches no other user, and
 * only a service holding {@code mfa.factors.admin} may do it, with a reason.
 */
@MicronautTest(transactional = false)
class FactorResetEndToEndTest extends EndToEndTest {

    private static final String ADMIN = TestTokens.service("support-console", "mfa.factors.admin");
    private static final String REASON = "Ticket SUP-4711: phone lost, identity checked by video call";

    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    RecordingSender provider;

    private final Map<String, String> database = TestDatabase.properties();
    private final RetentionRows rows = new RetentionRows(database);
    private final AuditRows audit = new AuditRows(database);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.notices.events", "factors-reset");
        return properties;
    }

    private record Subject(String user, String email, String challenge) {
    }

    /** A user with both contacts, an authenticator app and a pending challenge. */
    private Subject userWithFactors() throws Exception {
        String email = "r-" + UUID.randomUUID() + "@example.com";
        String user = api.newUser(ApiFixture.newPhone(), email);
        TotpClients.start(server, user);
        HttpResponse<String> codes = http.json("POST", "/resources/v3alpha/users/" + user + "/recovery_codes",
                TestTokens.user(user), null);
        assertThat(codes.statusCode()).as(codes.body()).isEqualTo(200);
        String challenge = api.newChallenge(user, ChallengeMethod.SMS, ChallengeMethod.APP).getChallengeId();
        return new Subject(user, email, challenge);
    }

    private HttpResponse<String> reset(String user, String token, String body) {
        return http.json("POST", "/resources/v3alpha/users/" + user + "/factors/_reset", token, body);
    }

    private List<String> factorsOf(String user) {
        List<String> factors = new java.util.ArrayList<>(
                rows.ids("SELECT kind FROM user_contact WHERE user_id = '" + user + "' ORDER BY kind"));
        factors.addAll(rows.ids("SELECT 'APP' FROM totp_registration WHERE user_id = '" + user + "'"));
        factors.addAll(rows.ids("SELECT DISTINCT 'RECOVERY' FROM recovery_code WHERE user_id = '" + user + "'"));
        return factors;
    }

    @Test
    void removes_every_factor_cancels_pending_challenges_and_records_its_reason() throws Exception {
        Subject reset = userWithFactors();
        Subject other = userWithFactors();

        HttpResponse<String> response = reset(reset.user(), ADMIN, "{\"reason\":\"" + REASON + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TotpClients.json(response.body());
        assertThat(body.at("/details/id").asText()).isEqualTo(reset.user());
        assertThat(body.at("/removed/phones").asInt()).isEqualTo(1);
        assertThat(body.at("/removed/emails").asInt()).isEqualTo(1);
        assertThat(body.at("/removed/totpRegistrations").asInt()).isEqualTo(1);
        assertThat(body.at("/removed/recoveryCodes").asInt()).isEqualTo(10);
        assertThat(body.at("/cancelledChallenges").asInt()).isEqualTo(1);
        assertThat(factorsOf(reset.user())).isEmpty();
        assertThat(factorsOf(other.user())).containsExactly("EMAIL", "PHONE", "APP", "RECOVERY");
        assertThat(api.challenges().getChallenge(reset.challenge()).getStatus()).isEqualTo(ChallengeStatus.CANCELLED);
        assertThat(api.challenges().getChallenge(other.challenge()).getStatus()).isEqualTo(ChallengeStatus.PENDING);
        assertThat(audit.where("user_id", reset.user())).filteredOn(event -> "factors.reset".equals(event.get("type")))
                .singleElement().satisfies(event -> {
                    assertThat(event.get("note")).isEqualTo(REASON);
                    assertThat(event.get("factor_id")).isEqualTo("all");
                    assertThat(event.get("actor_id")).isEqualTo("support-console");
                });
        assertThat(audit.decisionsOf(reset.user())).contains("challenge.cancelled", "factors.reset", "notice.queued");
    }

    @Test
    void the_user_is_told_at_the_address_the_reset_removes() throws Exception {
        Subject reset = userWithFactors();

        reset(reset.user(), ADMIN, "{\"reason\":\"" + REASON + "\"}");
        dispatcher.dispatchDue();

        assertThat(provider.notices()).filteredOn(notice -> notice.to().address().equals(reset.email()))
                .extracting(notice -> notice.kind()).containsExactly(NoticeKind.FACTORS_RESET);
    }

    @Test
    void removes_only_the_kind_it_names() throws Exception {
        Subject reset = userWithFactors();

        HttpResponse<String> response = reset(reset.user(), ADMIN,
                "{\"reason\":\"" + REASON + "\",\"factor\":\"totp\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TotpClients.json(response.body()).at("/removed/phones").asInt()).isZero();
        assertThat(factorsOf(reset.user())).containsExactly("EMAIL", "PHONE", "RECOVERY");
        assertThat(audit.where("user_id", reset.user())).filteredOn(event -> "factors.reset".equals(event.get("type")))
                .singleElement().satisfies(event -> assertThat(event.get("factor_id")).isEqualTo("totp"));
    }

    @Test
    void a_user_without_factors_is_reset_with_nothing_removed() {
        HttpResponse<String> response = reset("u-" + UUID.randomUUID(), ADMIN, "{\"reason\":\"" + REASON + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TotpClients.json(response.body());
        assertThat(body.at("/removed/phones").asInt() + body.at("/removed/emails").asInt()
                + body.at("/removed/totpRegistrations").asInt() + body.at("/cancelledChallenges").asInt()).isZero();
    }

    @Test
    void a_reset_without_a_reason_or_with_an_unknown_kind_is_refused_and_changes_nothing() throws Exception {
        Subject subject = userWithFactors();

        for (String body : List.of("{}", "{\"reason\":\"\"}", "{\"reason\":\"   \"}",
                "{\"reason\":\"" + "x".repeat(501) + "\"}", "{\"reason\":\"ok\",\"factor\":\"recovery\"}")) {
            HttpResponse<String> response = reset(subject.user(), ADMIN, body);
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
            assertThat(TotpClients.json(response.body()).path("code").asInt()).as(body).isEqualTo(3);
        }
        assertThat(factorsOf(subject.user())).containsExactly("EMAIL", "PHONE", "APP", "RECOVERY");
    }

    @Test
    void neither_the_user_nor_a_service_that_only_manages_factors_may_reset() throws Exception {
        Subject subject = userWithFactors();

        HttpResponse<String> byUser = reset(subject.user(), TestTokens.user(subject.user()),
                "{\"reason\":\"" + REASON + "\"}");
        HttpResponse<String> byManager = reset(subject.user(), TestTokens.service("web-bff", "mfa.factors.manage"),
                "{\"reason\":\"" + REASON + "\"}");

        assertThat(byUser.statusCode()).as(byUser.body()).isEqualTo(403);
        assertThat(byManager.statusCode()).as(byManager.body()).isEqualTo(403);
        assertThat(factorsOf(subject.user())).containsExactly("EMAIL", "PHONE", "APP", "RECOVERY");
        assertThat(audit.decisionsOf(subject.user())).contains("factors.reset_refused/scope_missing",
                "factors.reset_refused/scope_missing");
    }
}
