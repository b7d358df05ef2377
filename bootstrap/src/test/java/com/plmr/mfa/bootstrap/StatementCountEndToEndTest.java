package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.api.UserContactsApi;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.SetPhoneRequest;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.VerifyOtpRequest;
import com.plmr.mfa.client.model.VerifyTotpRegistrationRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.plmr.mfa.bootstrap.TotpClients.appCode;
import static com.plmr.mfa.bootstrap.TotpClients.totpOf;
import static com.plmr.mfa.bootstrap.TotpClients.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements each operation sends to the database for one HTTP request, counted by the driver
 * ({@link SentStatements}): every statement is a round trip, most of them under the challenge's row
 * lock (ADR 0003), so a change that adds one fails here with the statements listed, instead of
 * showing only as a slower benchmark. Each count includes the transaction's {@code COMMIT}.
 */
@MicronautTest(transactional = false)
class StatementCountEndToEndTest extends EndToEndTest {

    @Inject
    RecordingSender provider;
    @Inject
    DispatchDueMessagesUseCase dispatcher;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("datasources.default.url", TestDatabase.url() + "?" + SentStatements.URL_PARAMETER);
        return properties;
    }

    @Test
    void setting_a_phone_number_reads_the_contact_and_writes_it_with_its_audit_event() throws Exception {
        UserContactsApi contacts = new UserContactsApi(api.service());
        String user = TotpClients.newUser();

        // read, insert, audit event, commit
        assertSends(4, "add a phone", () -> contacts.setPhone(user, new SetPhoneRequest().phone(ApiFixture.newPhone())));
        // read, update, audit event, commit
        assertSends(4, "replace a phone", () -> contacts.setPhone(user, new SetPhoneRequest().phone(ApiFixture.newPhone())));
    }

    @Test
    void an_sms_challenge_from_creation_to_consumption_sends_few_statements_per_step() throws Exception {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);
        String[] created = new String[1];

        // insert, its requester, audit event, commit
        assertSends(4, "create", () -> created[0] = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId());
        String challenge = created[0];
        // challenge and streak read together, no streak yet: created and locked; audit event, commit
        assertSends(5, "the user's first verify", () -> post(user, smsVerify(challenge), "000000", 400));
        // lock, contact, four send quotas counted and read, update, outbox, two audit events, commit
        assertSends(15, "initiate", () -> api.sms(user).initiateSms(challenge, null));
        dispatcher.dispatchDue();
        String code = provider.lastTo(phone).orElseThrow().code().digits();
        // challenge and streak read together, attempt spent and streak extended in one update, audit event, commit
        assertSends(4, "verify a wrong code", () -> post(user, smsVerify(challenge), wrongOf(code), 400));
        // challenge and streak read together, verified and streak ended in one update, audit event, commit
        assertSends(4, "verify the right code", () -> api.sms(user).verifySms(challenge,
                new VerifyOtpRequest().totp(code)));
        // lock, update, audit event, the requester for the assertion, commit
        assertSends(5, "consume", () -> api.challenges().consumeChallenge(challenge));
    }

    @Test
    void an_app_code_is_checked_against_the_user_s_apps_read_and_locked_with_the_challenge() throws Exception {
        String user = TotpClients.newUser();
        StartTotpRegistrationResponse app = TotpClients.start(server, user);
        totpOf(server, user).verifyTotpRegistration(user, app.getTotpId(),
                new VerifyTotpRegistrationRequest().code(appCode(app, clock.instant())));
        clock.advance(Duration.ofMinutes(1));
        String challenge = api.newChallenge(user, ChallengeMethod.APP).getChallengeId();

        // challenge (no streak, so no apps), the streak created and locked, then the apps; the app's count, the
        // attempt and the streak in one update; audit; commit
        assertSends(7, "the user's first app verify, a wrong code", () -> post(user, appVerify(challenge),
                wrongCode(app, clock.instant()), 400));
        // challenge, streak and apps together; the app's count, the attempt and the streak in one update; audit; commit
        assertSends(4, "app verify, a wrong code", () -> post(user, appVerify(challenge),
                wrongCode(app, clock.instant()), 400));
        // challenge, streak and apps together; the accepted step (compare-and-set); verified and streak ended in one
        // update; audit; commit
        assertSends(5, "app verify, the right code", () -> post(user, appVerify(challenge),
                appCode(app, clock.instant()), 200));
    }

    private static String smsVerify(String challenge) {
        return "/internal/v1/mfa/totp-sms/" + challenge + ":verify";
    }

    private static String appVerify(String challenge) {
        return "/internal/v1/mfa/totp-app/" + challenge + ":verify";
    }

    private static String wrongOf(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private void post(String user, String path, String code, int status) throws Exception {
        HttpResponse<String> answer = TotpClients.postAs(server, user, path, "{\"totp\":\"" + code + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    }

    private static void assertSends(int statements, String operation, SentStatements.Work work) throws Exception {
        List<String> sent = SentStatements.during(work);
        assertThat(sent.size()).as("statements of %s:%n%s", operation, String.join("\n", sent)).isEqualTo(statements);
    }
}
