package com.plmr.mfa.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.UserFactorsApi;
import com.plmr.mfa.client.api.UserRecoveryCodesApi;
import com.plmr.mfa.client.model.GenerateRecoveryCodesResponse;
import com.plmr.mfa.client.model.ListFactorsResponse;
import com.plmr.mfa.client.model.RecoveryCodes;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.TotpState;
import com.plmr.mfa.client.model.VerifyTotpRegistrationRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.plmr.mfa.bootstrap.TotpClients.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Recovery codes and the factor inventory over HTTP, through the generated SDK, on the real database:
 * a set is answered once and stored only as keyed hashes, a new set replaces the old as a whole, the
 * count is visible but never a code, and the inventory names every factor without a secret.
 */
@MicronautTest(transactional = false)
class RecoveryCodesEndToEndTest extends EndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final String CODE = "^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$";

    private final Map<String, String> database = TestDatabase.properties();
    private final RetentionRows rows = new RetentionRows(database);
    private final AuditRows audit = new AuditRows(database);

    @Override
    public Map<String, String> getProperties() {
        return database;
    }

    @BeforeEach
    void resetClock() {
        clock.set(T0);
    }

    private UserRecoveryCodesApi recoveryCodesOf(String user) {
        return new UserRecoveryCodesApi(api.user(user));
    }

    /** The stored hashes of the user's codes, hex. */
    private List<String> storedHashes(String user) {
        return rows.ids("SELECT LOWER(HEX(code_hash)) FROM recovery_code WHERE user_id = '" + user + "'");
    }

    @Test
    void a_user_generates_ten_codes_shown_once_and_stored_only_as_keyed_hashes() throws Exception {
        String user = TotpClients.newUser();

        GenerateRecoveryCodesResponse generated = recoveryCodesOf(user).generateRecoveryCodes(user);

        assertThat(generated.getCodes()).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches(CODE));
        assertThat(generated.getReplacedPrevious()).isFalse();
        assertThat(generated.getDetails().getId()).isEqualTo(user);
        List<String> hashes = storedHashes(user);
        assertThat(hashes).hasSize(10).allMatch(hash -> hash.length() == 64);
        generated.getCodes().forEach(code -> assertThat(hashes).noneMatch(hash -> hash.contains(
                HexFormat.of().formatHex(code.replace("-", "").getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
        RecoveryCodes state = recoveryCodesOf(user).getRecoveryCodes(user);
        assertThat(state.getRemaining()).isEqualTo(10);
        assertThat(state.getGenerated()).isEqualTo(10);
        assertThat(state.getCreated().toInstant()).isEqualTo(T0);
        assertThat(state.getLastUsed()).isNull();
        assertThat(audit.decisionsOf(user)).containsExactly("recovery_codes.generated");
    }

    @Test
    void the_count_answer_never_holds_a_code() throws Exception {
        String user = TotpClients.newUser();
        List<String> codes = recoveryCodesOf(user).generateRecoveryCodes(user).getCodes();

        HttpResponse<String> read = http.json("GET", "/resources/v3alpha/users/" + user + "/recovery_codes",
                TestTokens.user(user), null);
        HttpResponse<String> inventory = http.json("GET", "/resources/v3alpha/users/" + user + "/factors",
                TestTokens.user(user), null);

        assertThat(read.statusCode()).isEqualTo(200);
        for (String code : codes) {
            assertThat(read.body()).doesNotContain(code).doesNotContain(code.replace("-", ""));
            assertThat(inventory.body()).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
    }

    @Test
    void regenerating_replaces_the_whole_set_in_the_store() throws Exception {
        String user = TotpClients.newUser();
        recoveryCodesOf(user).generateRecoveryCodes(user);
        List<String> before = storedHashes(user);
        clock.set(T0.plusSeconds(60));

        GenerateRecoveryCodesResponse again = recoveryCodesOf(user).generateRecoveryCodes(user);

        assertThat(again.getReplacedPrevious()).isTrue();
        assertThat(storedHashes(user)).hasSize(10).doesNotContainAnyElementsOf(before);
        assertThat(recoveryCodesOf(user).getRecoveryCodes(user).getCreated().toInstant()).isEqualTo(T0.plusSeconds(60));
        assertThat(audit.decisionsOf(user)).containsExactly("recovery_codes.generated", "recovery_codes.regenerated");
    }

    @Test
    void parallel_generations_for_one_user_leave_exactly_one_whole_set() throws Exception {
        String user = TotpClients.newUser();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<GenerateRecoveryCodesResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> recoveryCodesOf(user).generateRecoveryCodes(user));
        }
        List<List<String>> answered = new ArrayList<>();
        try {
            for (Future<GenerateRecoveryCodesResponse> answer : pool.invokeAll(calls)) {
                answered.add(answer.get().getCodes());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(storedHashes(user)).hasSize(10);
        assertThat(audit.decisionsOf(user)).hasSize(8).containsOnlyOnce("recovery_codes.generated");
        assertThat(answered).hasSize(8);
        assertThat(recoveryCodesOf(user).getRecoveryCodes(user).getRemaining()).isEqualTo(10);
    }

    @Test
    void a_service_with_the_scope_generates_for_a_user_and_others_are_refused_in_the_status_shape()
            throws Exception {
        String user = TotpClients.newUser();

        assertThat(new UserRecoveryCodesApi(api.service()).generateRecoveryCodes(user).getCodes()).hasSize(10);

        ApiException otherUser = catchThrowableOfType(ApiException.class,
                () -> recoveryCodesOf("u-someone-else").generateRecoveryCodes(user));
        assertStatus(otherUser, 403, 7, "FORBIDDEN");
        ApiException unscoped = catchThrowableOfType(ApiException.class, () -> new UserRecoveryCodesApi(
                api.client(TestTokens.service("payments", "mfa.challenges.create"))).getRecoveryCodes(user));
        assertStatus(unscoped, 403, 7, "FORBIDDEN");
        assertThat(storedHashes(user)).hasSize(10);
    }

    @Test
    void a_user_without_a_set_reads_404_in_the_status_shape() {
        String user = TotpClients.newUser();

        ApiException none = catchThrowableOfType(ApiException.class, () -> recoveryCodesOf(user).getRecoveryCodes(user));

        assertStatus(none, 404, 5, "USER_NOT_FOUND");
    }

    @Test
    void the_inventory_lists_masked_contacts_apps_with_their_last_use_and_the_recovery_codes_state()
            throws Exception {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, "inventory@example.com");
        StartTotpRegistrationResponse app = TotpClients.start(server, user);
        TotpClients.totpOf(server, user).verifyTotpRegistration(user, app.getTotpId(),
                new VerifyTotpRegistrationRequest().code(TotpClients.appCode(app, T0)));
        recoveryCodesOf(user).generateRecoveryCodes(user);

        ListFactorsResponse factors = new UserFactorsApi(api.user(user)).listFactors(user);

        assertThat(factors.getDetails().getId()).isEqualTo(user);
        assertThat(factors.getPhone().getMasked()).startsWith("+49").endsWith(phone.substring(phone.length() - 2))
                .contains("*").doesNotContain(phone.substring(3, phone.length() - 2));
        assertThat(factors.getEmail().getMasked()).isEqualTo("i***@example.com");
        assertThat(factors.getTotp()).singleElement().satisfies(registration -> {
            assertThat(registration.getTotpId()).isEqualTo(app.getTotpId());
            assertThat(registration.getState()).isEqualTo(TotpState.ACTIVE);
            assertThat(registration.getDetails().getCreated().toInstant()).isEqualTo(T0);
            assertThat(registration.getLastUsed().toInstant()).isEqualTo(T0);
        });
        assertThat(factors.getRecoveryCodes().getRemaining()).isEqualTo(10);
        JsonNode raw = TotpClients.json(http.json("GET", "/resources/v3alpha/users/" + user + "/factors",
                TestTokens.user(user), null).body());
        assertThat(raw.toString()).doesNotContain(app.getSecret()).doesNotContain(phone)
                .doesNotContain("inventory@");
    }

    @Test
    void the_inventory_of_a_user_of_whom_nothing_is_stored_is_empty_and_another_users_is_refused() throws Exception {
        String user = TotpClients.newUser();

        ListFactorsResponse factors = new UserFactorsApi(api.user(user)).listFactors(user);

        assertThat(factors.getTotp()).isEmpty();
        assertThat(factors.getPhone()).isNull();
        assertThat(factors.getEmail()).isNull();
        assertThat(factors.getRecoveryCodes()).isNull();
        ApiException other = catchThrowableOfType(ApiException.class,
                () -> new UserFactorsApi(api.user("u-someone-else")).listFactors(user));
        assertStatus(other, 403, 7, "FORBIDDEN");
    }
}
