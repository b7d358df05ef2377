package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import com.plmr.mfa.application.port.in.DispatchDueMessagesUseCase;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.RecoveryCodeApi;
import com.plmr.mfa.client.api.UserRecoveryCodesApi;
import com.plmr.mfa.client.model.Challenge;
import com.plmr.mfa.client.model.ChallengeMethod;
import com.plmr.mfa.client.model.CreateChallengeRequest;
import com.plmr.mfa.client.model.StartTotpRegistrationResponse;
import com.plmr.mfa.client.model.StepUpContext;
import com.plmr.mfa.client.model.StepUpMethod;
import com.plmr.mfa.client.model.VerifyRecoveryCodeRequest;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.NoticeMessage;
import com.plmr.mfa.domain.notice.NoticeKind;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.plmr.mfa.bootstrap.TotpClients.appCode;
import static com.plmr.mfa.bootstrap.TotpClients.start;
import static com.plmr.mfa.bootstrap.TotpClients.totpOf;
import static com.plmr.mfa.bootstrap.TotpClients.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notices to users on the real database, through the outbox and the dispatcher: each decision
 * the user is to hear about queues a notice in its own transaction, to the e-mail address or, where
 * only a phone number is known, by SMS, in the language of the user's newest challenge; a user
 * without a contact gets none and the audit trail says why; lockout notices reach a user at most
 * once per interval, however often an attacker causes them.
 */
@MicronautTest(transactional = false)
class NoticesEndToEndTest extends EndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @Inject
    DispatchDueMessagesUseCase dispatcher;
    @Inject
    RecordingSender provider;

    private final Map<String, String> database = TestDatabase.properties();
    private final AuditRows audit = new AuditRows(database);
    private final RetentionRows rows = new RetentionRows(database);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("mfa.notices.events", "all");
        properties.put("mfa.challenge.max-attempts", "2");
        properties.put("mfa.abuse.max-consecutive-failures", "5");
        properties.put("mfa.totp.max-failures", "2");
        return properties;
    }

    @BeforeEach
    void resetClock() {
        clock.set(T0);
    }

    /** The notices delivered to {@code address}, in order, after the dispatcher ran. */
    private List<NoticeMessage> noticesTo(String address) {
        dispatcher.dispatchDue();
        return provider.notices().stream().filter(notice -> notice.to().address().equals(address)).toList();
    }

    private static List<NoticeKind> kinds(List<NoticeMessage> notices) {
        return notices.stream().map(NoticeMessage::kind).toList();
    }

    /** How often {@code decision} ({@code type} or {@code type/reason}) was recorded for the user. */
    private long decisions(String user, String decision) {
        return audit.decisionsOf(user).stream().filter(decision::equals).count();
    }

    private static String newEmail() {
        return "n-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void a_user_is_told_of_each_factor_added_verified_and_removed_by_e_mail() throws Exception {
        String email = newEmail();
        String user = api.newUser(null, email);
        StartTotpRegistrationResponse started = start(server, user);
        TotpClients.verify(server, user, started, appCode(started, clock.instant()));
        totpOf(server, user).removeTotpRegistration(user, started.getTotpId());

        List<NoticeMessage> notices = noticesTo(email);

        assertThat(kinds(notices)).containsExactlyInAnyOrder(NoticeKind.FACTOR_ADDED, NoticeKind.FACTOR_ADDED,
                NoticeKind.FACTOR_VERIFIED, NoticeKind.FACTOR_REMOVED);
        assertThat(notices).allSatisfy(notice -> {
            assertThat(notice.channel()).isEqualTo(Channel.EMAIL);
            assertThat(notice.locale().getLanguage()).isEqualTo("en");
        });
        assertThat(audit.decisionsOf(user).stream().filter(decision -> decision.startsWith("notice."))
                .toList()).containsOnly("notice.queued").hasSize(4);
        assertThat(audit.where("user_id", user)).filteredOn(event -> "notice.queued".equals(event.get("type")))
                .allSatisfy(event -> assertThat(event.get("destination")).isEqualTo(email.charAt(0) + "***@example.com"));
    }

    @Test
    void a_user_is_told_of_recovery_codes_made_replaced_and_used() throws Exception {
        String email = newEmail();
        String user = api.newUser(null, email);
        UserRecoveryCodesApi recoveryCodes = new UserRecoveryCodesApi(api.user(user));
        recoveryCodes.generateRecoveryCodes(user);
        clock.advance(Duration.ofSeconds(1));
        List<String> codes = recoveryCodes.generateRecoveryCodes(user).getCodes();
        Challenge challenge = api.challengeAllowing(user, StepUpMethod.RECOVERY);
        new RecoveryCodeApi(api.user(user)).verifyRecoveryCode(challenge.getChallengeId(),
                new VerifyRecoveryCodeRequest().code(codes.get(0)));

        List<NoticeMessage> notices = noticesTo(email);

        assertThat(kinds(notices)).as("the e-mail address and the first set are factors added")
                .containsExactlyInAnyOrder(NoticeKind.FACTOR_ADDED, NoticeKind.FACTOR_ADDED,
                        NoticeKind.RECOVERY_CODES_REGENERATED, NoticeKind.RECOVERY_CODE_USED);
        assertThat(audit.decisionsOf(user)).contains("recovery_codes.generated", "recovery_codes.regenerated",
                "recovery_code.used");
        assertThat(decisions(user, "notice.queued")).isEqualTo(4);
        assertThat(notices).allSatisfy(notice -> assertThat(notice.toString()).doesNotContain(codes.toArray(String[]::new)));
    }

    @Test
    void where_only_a_phone_number_is_known_the_notice_goes_by_sms() throws Exception {
        String phone = ApiFixture.newPhone();
        String user = api.newUser(phone, null);

        assertThat(noticesTo(phone)).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.FACTOR_ADDED);
            assertThat(notice.channel()).isEqualTo(Channel.SMS);
        });
        assertThat(audit.decisionsOf(user)).contains("factor.added", "notice.queued");
    }

    @Test
    void a_user_without_a_contact_gets_no_notice_and_the_audit_trail_says_why() throws Exception {
        String user = TotpClients.newUser();

        start(server, user);

        assertThat(rows.ids("SELECT id FROM outbox_message WHERE user_id = '" + user + "'")).isEmpty();
        assertThat(audit.decisionsOf(user)).containsExactlyInAnyOrder("factor.added", "notice.skipped/no_destination");
    }

    @Test
    void a_notice_speaks_the_language_of_the_users_newest_challenge() throws Exception {
        String email = newEmail();
        String user = api.newUser(null, email);
        api.challenges().createChallenge(new CreateChallengeRequest().userId(user).locale("de")
                .context(new StepUpContext().operation("payment").reference("pay-" + UUID.randomUUID()))
                .allowedMethods(Set.of(StepUpMethod.EMAIL)));
        clock.advance(Duration.ofSeconds(1));

        start(server, user);

        assertThat(noticesTo(email)).extracting(notice -> notice.locale().getLanguage()).containsExactly("en", "de");
    }

    @Test
    void a_locked_challenge_is_told_once_per_interval_however_often_it_happens() throws Exception {
        String phone = ApiFixture.newPhone();
        String email = newEmail();
        String user = api.newUser(phone, email);

        lockAChallenge(user, phone);
        lockAChallenge(user, phone);

        assertThat(kinds(noticesTo(phone))).as("the phone was the only contact when it was set")
                .containsExactly(NoticeKind.FACTOR_ADDED);
        assertThat(kinds(noticesTo(email))).containsExactlyInAnyOrder(NoticeKind.FACTOR_ADDED,
                NoticeKind.CHALLENGE_LOCKED);
        assertThat(decisions(user, "challenge.locked/attempts_exhausted")).isEqualTo(2);
        assertThat(decisions(user, "notice.skipped/notice_coalesced")).isEqualTo(1);
    }

    @Test
    void a_paused_user_is_told_and_told_again_only_after_the_interval() throws Exception {
        String phone = ApiFixture.newPhone();
        String email = newEmail();
        String user = api.newUser(phone, email);
        lockAChallenge(user, phone);
        lockAChallenge(user, phone);
        String fifth = smsChallengeWithCode(user, phone);

        wrongSmsCode(user, fifth, phone);
        HttpResponse<String> paused = wrongSmsCode(user, fifth, phone);
        clock.advance(Duration.ofMinutes(16));
        wrongSmsCode(user, smsChallengeWithCode(user, phone), phone);
        clock.advance(Duration.ofHours(1));
        wrongSmsCode(user, smsChallengeWithCode(user, phone), phone);

        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(429);
        assertThat(kinds(noticesTo(email))).containsExactlyInAnyOrder(NoticeKind.FACTOR_ADDED,
                NoticeKind.CHALLENGE_LOCKED, NoticeKind.VERIFIES_PAUSED, NoticeKind.VERIFIES_PAUSED);
        assertThat(decisions(user, "verify.paused/attempts_exhausted")).as("three pauses").isEqualTo(3);
        assertThat(decisions(user, "notice.skipped/notice_coalesced")).as("a lock and a pause within the hour")
                .isEqualTo(2);
    }

    @Test
    void a_locked_authenticator_app_is_told_once_per_interval() throws Exception {
        String email = newEmail();
        String user = api.newUser(null, email);
        StartTotpRegistrationResponse started = start(server, user);
        for (int lockout = 0; lockout < 2; lockout++) {
            for (int i = 0; i < 2; i++) {
                TotpClients.refusedVerify(server, user, started, wrongCode(started, clock.instant()));
            }
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(kinds(noticesTo(email))).containsExactlyInAnyOrder(NoticeKind.FACTOR_ADDED,
                NoticeKind.FACTOR_ADDED, NoticeKind.REGISTRATION_LOCKED);
        assertThat(decisions(user, "factor.locked/attempts_exhausted")).isEqualTo(2);
        assertThat(decisions(user, "notice.skipped/notice_coalesced")).isEqualTo(1);
    }

    @Test
    void the_answer_of_a_decision_is_the_same_whether_a_notice_went_out_or_not() throws Exception {
        String withContact = api.newUser(null, newEmail());
        String withoutContact = TotpClients.newUser();

        HttpResponse<String> notified = http.json("POST", "/resources/v3alpha/users/" + withContact + "/totp",
                TestTokens.user(withContact), "{}");
        HttpResponse<String> silent = http.json("POST", "/resources/v3alpha/users/" + withoutContact + "/totp",
                TestTokens.user(withoutContact), "{}");

        assertThat(notified.statusCode()).isEqualTo(silent.statusCode()).isEqualTo(200);
        assertThat(TotpClients.json(notified.body()).fieldNames()).toIterable()
                .containsExactlyElementsOf(() -> TotpClients.json(silent.body()).fieldNames());
        assertThat(notified.body()).doesNotContain("@example.com");
    }

    /** A new SMS challenge of the user with a code sent, and two wrong codes: the challenge locks. */
    private void lockAChallenge(String user, String phone) throws ApiException {
        String challenge = smsChallengeWithCode(user, phone);
        for (int i = 0; i < 2; i++) {
            wrongSmsCode(user, challenge, phone);
        }
    }

    private String smsChallengeWithCode(String user, String phone) throws ApiException {
        String challenge = api.newChallenge(user, ChallengeMethod.SMS).getChallengeId();
        api.sms(user).initiateSms(challenge, null);
        dispatcher.dispatchDue();
        return challenge;
    }

    /** A code of the right length that differs in every digit from the one sent, so it is never right. */
    private HttpResponse<String> wrongSmsCode(String user, String challenge, String phone) {
        String sent = provider.lastTo(phone).orElseThrow().code().digits();
        StringBuilder wrong = new StringBuilder();
        sent.chars().forEach(digit -> wrong.append((char) ('0' + (digit - '0' + 1) % 10)));
        return http.json("POST", "/internal/v1/mfa/totp-sms/" + challenge + ":verify", TestTokens.user(user),
                "{\"totp\":\"" + wrong + "\"}");
    }
}
